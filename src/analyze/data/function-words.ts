// Closed-class words the argument finder reads sentence structure by. Lower-case.

export const auxiliaries = ['has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'could', 'may', 'might', 'should', 'must', 'can', 'did', 'does', 'do']

/** Forms of "be" that, before a participle, make a cue passive ("was summoned by"). */
export const beForms = ['was', 'were', 'been', 'is', 'are', 'be', 'being']

/** Adverbs that may stand between "be" and a passive participle. */
export const passiveAdverbs = ['also', 'reportedly', 'formally', 'officially', 'repeatedly', 'recently', 'now', 'again', 'already', 'since', 'first']

export const irregularParticiples = ['shot', 'hit', 'struck', 'held', 'cut', 'made', 'sent', 'brought', 'seen', 'taken', 'given', 'met', 'told', 'led', 'won', 'lost', 'built', 'sold', 'bought', 'caught', 'fought', 'thrown', 'blown', 'torn', 'broken', 'frozen', 'stolen']

export const relativizers = ['that', 'which', 'who', 'whom', 'whose']

export const determiners = ['the', 'a', 'an', 'its', 'their', 'his', 'her', 'some', 'all', 'any', 'new', 'further']

/** Words that join coordinated actors ("Iran and Hezbollah", "the US, Britain and France"). */
export const conjunctions = ['and', 'or', ',', '&', 'nor']
export const coordinationFillers = ['the', 'both', 'either', 'its', 'their', 'his', 'her', "'s", "'", '-', 'as', 'well', 'also']

/** Prepositions after an object that make the next cue its complement ("accused Russia of deploying"). */
export const controlPrepositions = ['of', 'from', 'to', 'into', 'for', 'against']
export const controlFillers = ['having', 'being', 'not', 'the', "'s"]

/** Words before a cue that put it in a phrase giving a reason or backdrop ("over arms sales to Taiwan"). */
export const backdropPrepositions = ['over', 'amid', 'despite', 'following', 'because', 'due', 'response', 'retaliation', 'after']

/** Nouns of a relation whose "with" names the other side ("ties with Russia would not be restored"). */
export const relationNouns = ['ties', 'relations', 'relationship', 'talks', 'contacts', 'dialogue', 'negotiations', 'cooperation', 'trade']

/** Plural documents: a participle after them is the issuer's act ("signed decrees recognising"). */
export const documentPlurals = ['decrees', 'laws', 'resolutions', 'statements', 'declarations', 'letters', 'bills', 'orders', 'agreements', 'treaties', 'deals', 'measures', 'sanctions', 'documents', 'accords', 'protocols']

/** Words that are not nouns, for telling "countries condemning" (a noun described) from "began condemning". */
export const notNouns = ['to', 'not', 'and', 'or', 'but', 'also', 'then', 'still', 'now', 'be', 'been', 'being', 'keep', 'kept', 'keeps', 'start', 'started', 'began', 'stop', 'stopped', 'continue', 'continued', 'continues', 'avoid', 'avoided', 'resume', 'resumed', 'consider', 'considered', 'considering', 'begin', 'begun', 'after', 'before', 'while', 'by', 'without', 'of', 'as', 'since']

/** Words of multi-word party nouns that are not themselves nouns ("secretary of state"). */
export const phraseGlue = ['of', 'the', 'a', 'an', 'and', 'for', 'in', 'on', 'to', 'at', 'by']

/** Day and month names: capitalised, yet never part of a name; time words, never an actor. */
export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
export const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/** Prepositions before a state's name that make it where something happens ("talks in Cairo"). */
export const placePrepositions = ['in', 'at', 'near', 'inside', 'outside', 'across', 'around', 'throughout', 'within', 'over', 'into', 'off']
