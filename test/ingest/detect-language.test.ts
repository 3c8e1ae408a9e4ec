// Language detection errs towards English, the language the engine reads: no English text of the labelled corpora is
// taken for another language, while Portuguese, Spanish, French, German, Urdu and Arabic prose is told apart.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { detectLanguage, isAnalysed } from '../../src/ingest/detect-language.ts'

const corpus = [
  'labeled-sentences.jsonl',
  'labeled-sentences-2.jsonl',
  'type-tables.jsonl',
  'wire-2000s.jsonl',
  'wire-2010s.jsonl',
].flatMap((f) =>
  readFileSync(new URL(`../analyze/fixtures/${f}`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text),
)

describe('detectLanguage', () => {
  it('never takes an English sentence or headline of the labelled corpora for another language', () => {
    const foreign = corpus.filter((t) => !isAnalysed(detectLanguage(t)))
    expect(foreign).toEqual([])
    expect(corpus.filter((t) => detectLanguage(t) === 'eng').length).toBeGreaterThan(corpus.length * 0.99)
  })

  it('reads English that trigrams alone mistake: headlines full of names, wire briefs with hardly a function word', () => {
    for (const t of [
      'Putin hosts Erdogan for Syria talks in Sochi',
      'Lula defeats Bolsonaro to win Brazil presidency again. SAO PAULO (Reuters) - Leftist Luiz Inacio Lula da Silva narrowly defeated President Jair Bolsonaro in Brazil’s presidential run-off on Sunday, ...',
      'Egypt sanctions Ankara | NEW YORK (Desk 82) — South Korea accused Ukraine on Friday, a spokesman confirmed.',
    ])
      expect(detectLanguage(t), t).toBe('eng')
  })

  it('tells other languages apart when there is enough text, and calls a short foreign title undetermined', () => {
    expect(
      detectLanguage(
        'O Brasil e a Argentina assinaram nesta terça-feira um acordo para ampliar o comércio bilateral de automóveis e autopeças, informou o Itamaraty.',
      ),
    ).toBe('por')
    expect(
      detectLanguage(
        'El gobierno de España y Marruecos acordaron este lunes reabrir las fronteras de Ceuta y Melilla, tras meses de tensión diplomática entre ambos países.',
      ),
    ).toBe('spa')
    expect(
      detectLanguage(
        'Le président français a reçu son homologue algérien à l’Élysée pour relancer les relations entre les deux pays après des mois de brouille diplomatique.',
      ),
    ).toBe('fra')
    expect(
      detectLanguage(
        'Die Bundesregierung hat die Beziehungen zu Russland weiter eingeschränkt und neue Sanktionen angekündigt, teilte das Auswärtige Amt am Montag in Berlin mit.',
      ),
    ).toBe('deu')
    expect(
      detectLanguage(
        'پاکستان اور چین نے پیر کے روز اسلام آباد میں اقتصادی راہداری کے نئے منصوبوں کے معاہدوں پر دستخط کیے۔',
      ),
    ).toBe('urd')
    expect(detectLanguage('وقعت تركيا وروسيا اتفاقا لإصلاح العلاقات بعد أشهر من التوتر بين البلدين')).toBe('arb')
    expect(detectLanguage('Brasil e Argentina ampliam acordo comercial')).toBe('und')
    expect(detectLanguage('12 345 — !!')).toBe('und')
  })

  it('keeps a Portuguese article Portuguese even when it quotes a sentence of English', () => {
    const text =
      'Um dirigente do Hamas afirmou a uma televisão palestina que o grupo e Teerã conseguiram recompor a relação, abalada pelas divergências sobre a guerra na Síria. Em entrevista a jornalistas estrangeiros, repetiu a frase em inglês: “Hamas and Iran have repaired their relations.”'
    expect(detectLanguage(text)).toBe('por')
  })

  it('analyses English and undetermined text, and nothing else', () => {
    expect([isAnalysed('eng'), isAnalysed('und'), isAnalysed(null), isAnalysed('por'), isAnalysed('urd')]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ])
  })
})
