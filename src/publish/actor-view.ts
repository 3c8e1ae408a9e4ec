// The public shape of an actor, shared by `entente actors --json` and GET /api/actors.
import type { Actor } from '../analyze/mentions/gazetteer.ts'

export function actorView(a: Actor) {
  return {
    id: a.id,
    name: a.name,
    kind: a.kind,
    aliases: a.aliases,
    ...(a.capital ? { capital: a.capital } : {}),
    ...(a.demonyms ? { demonyms: a.demonyms } : {}),
    ...(a.metonyms ? { metonyms: a.metonyms } : {}),
    ...(a.parent ? { parent: a.parent } : {}),
    ...(a.region ? { region: a.region } : {}),
  }
}
