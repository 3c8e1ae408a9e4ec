// Words that change what a cue or a mention means. Lower-case; multi-word entries are matched as phrases.

/** Within a few words before a cue: the claim is negated. */
export const negators = ['not', 'no', 'never', "n't", "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "isn't", "aren't", "wasn't", "weren't", "can't", "cannot", "couldn't", "shouldn't", "mustn't", "shan't", 'neither', 'nor', 'without', 'failed to', 'fail to', 'fails to', 'failing to', 'unable to', 'did not', 'has not', 'have not', 'had not', 'nothing', 'none', 'nobody', 'no one', 'hardly', 'instead of', 'rather than', 'stopped short of', 'decision not to', 'refrained from', 'refrain from', 'avoided', 'yet to', 'refused to', 'refuses to', 'refusing to', 'refuse to', 'declined to', 'declines to', 'declining to', 'decline to', 'unwilling to', 'refusal to', 'failure to', 'reluctance to', 'unwillingness to', 'rejected calls to', 'rejects calls to', 'rebuffed calls to', 'dismissed calls to', 'resisted calls to', 'resisted pressure to', 'resisting pressure to', 'careful not to', 'rejected the idea of', 'dismissed the idea of', 'ruled out the idea of', 'opposed', 'opposes', 'oppose', 'opposing', 'objected to', 'objects to', 'voted against', 'votes against', 'abstained on', 'abstained from', 'abstains on', 'abstain on', 'whether to', 'whether or not', 'not decided', 'yet to decide', 'undecided', 'ruled out', 'rule out', 'rules out', 'ruling out', 'far from']

/**
 * Within a few words before a cue: the action ends or undoes the state the cue names, so the direction turns
 * over ("ending the boycott", "lifting of sanctions", "suspended its friendship treaty", "set aside their differences").
 */
export const reversers = [
  'end', 'ends', 'ended', 'ending', 'an end to', 'lift', 'lifts', 'lifted', 'lifting', 'overcome', 'overcame', 'overcoming',
  'resolve', 'resolved', 'resolving', 'defuse', 'defused', 'defusing', 'heal', 'healed', 'healing', 'settle', 'settled', 'settling',
  'set aside', 'put aside', 'setting aside', 'bury', 'buried', 'burying', 'ease', 'eased', 'easing', 'calm', 'calmed', 'de-escalate', 'de-escalated',
  'break', 'broke', 'breaking', 'breach', 'breached', 'breaching', 'violate', 'violated', 'violating', 'violation of', 'violations of',
  'suspend', 'suspends', 'suspended', 'suspending', 'suspension of', 'terminate', 'terminated', 'terminating', 'termination of',
  'scrap', 'scrapped', 'scrapping', 'cancel', 'cancelled', 'canceled', 'cancelling', 'canceling', 'abandon', 'abandoned', 'abandoning',
  'freeze', 'froze', 'frozen', 'freezing', 'exit', 'exited', 'exiting', 'quit', 'quits', 'quitting', 'withdrew from', 'withdraw from',
  'withdraws from', 'withdrawing from', 'withdrawal from', 'pulled out of', 'pull out of', 'pulls out of', 'pulling out of', 'tore up',
  'tear up', 'tearing up', 'renounce', 'renounced', 'revoke', 'revoked', 'revoking', 'annul', 'annulled', 'abrogate', 'abrogated',
  'reverse', 'reversed', 'reversing', 'reversal of', 'rolled back', 'roll back', 'rolling back', 'collapse of',
  'block', 'blocked', 'blocking', 'blocks', 'veto', 'vetoed', 'vetoing', 'vetoes', 'obstruct', 'obstructed', 'obstructing', 'halt', 'halted', 'halting',
  'overturn', 'pause', 'paused', 'pausing', 'reject', 'rejected', 'rejecting', 'rejects', 'repudiate', 'repudiated', 'renege on',
  'reneged on', 'walked away from', 'walk away from', 'walking away from', 'overturned', 'waive', 'waived', 'waiving', 'dismantle', 'dismantled',
]

/** Before a cue anywhere earlier in the clause or sentence: the whole claim is denied, so no signal at all. */
export const denials = ['denied', 'denies', 'deny', 'denying', 'rejected reports', 'rejected claims', 'rejected allegations', 'rejected accusations', 'rejected the accusation', 'rejected the allegation', 'dismissed accusations', 'denounced as false', 'false claims', 'dismissed reports', 'dismissed claims', 'dismissed allegations', 'contrary to reports', 'contrary to claims', 'contrary to earlier reports', 'refuted', 'refutes', 'false reports', 'baseless', 'no truth', 'untrue', 'fake news', 'not true', 'rumours that', 'rumors that', 'rejected suggestions', 'brushed off', 'brushed aside', 'played down reports', 'downplayed reports', 'fabricated', 'groundless', 'unfounded', 'disinformation', 'misinformation', 'fabrication', 'no basis']

/** Between a negator and a cue, these carry the negation through ("did not take part in the strikes"). */
export const participation = ['take part in', 'took part in', 'taken part in', 'taking part in', 'participate in', 'participated in', 'participating in', 'involved in', 'join in', 'joined in', 'play a role in', 'played a role in', 'played no role in', 'have a hand in', 'had a hand in', 'behind']

/** Words that make a sentence about sport: there "clash", "battle" and "face" are games, not conflict. */
export const sportWords = ['cup final', 'semi-final', 'semi-finals', 'semifinal', 'semifinals', 'quarter-final', 'quarter-finals', 'quarterfinal', 'quarterfinals', 'world cup', 'asia cup', 'asian cup', 'champions league', 'olympics', 'olympic games', 'paralympics', 'goalless', 'penalty shootout', 'on penalties', 'wickets', 'innings', 'test series', 'one-day international', 't20', 'medal', 'medals', 'fifa', 'uefa', 'grand prix', 'formula one', 'tennis', 'football', 'soccer', 'cricket', 'rugby', 'basketball', 'volleyball', 'hockey', 'athletics', 'squad', 'striker', 'goalkeeper', 'midfielder', 'derby', 'qualifier', 'qualifiers', 'knockout stage', 'group stage', 'scoreline', 'stoppage time', 'world championship', 'world championships', 'davis cup', 'ryder cup']

/** Conditional, hypothetical or future claims: weighted lower. */
export const hypotheticals = ['could', 'would', 'might', 'may', 'if', 'unless', 'until', 'should', 'plans to', 'planned to', 'plan to', 'intends to', 'intend to', 'will', "'ll", 'is expected to', 'are expected to', 'expected to', 'considering', 'consider', 'considers', 'hopes to', 'hope to', 'hoped to', 'seeks to', 'seek to', 'sought to', 'wants to', 'want to', 'aims to', 'aim to', 'willing to', 'ready to', 'offered to', 'offers to', 'proposed', 'proposes', 'called for', 'calls for', 'urged', 'urges', 'demanded', 'demands', 'threatened to', 'threatens to', 'possible', 'possibly', 'potential', 'prospect of', 'in talks to', 'set to', 'poised to', 'on the verge of', 'likely to', 'would-be', 'pending', 'any', 'future']

/** Background: the claim is history, not today's news. */
export const historicals = ['previously', 'formerly', 'once', 'in the past', 'years ago', 'decades ago', 'a decade ago', 'a decade earlier', 'years earlier', 'decades earlier', 'back in', 'at the time', 'used to', 'historically', 'long ago', 'during the cold war', 'in the 1990s', 'in the 1980s', 'in the 1970s', 'in the 1960s', 'had been', 'prior to', 'before the war', 'since then', 'in earlier years', 'for decades']

/** Attribution that the claim is someone's report rather than established. */
export const reporters = ['reportedly', 'according to', 'allegedly', 'is said to', 'are said to', 'was said to', 'were said to', 'purportedly', 'unconfirmed reports', 'reports said', 'sources said', 'it is claimed', 'claimed that', 'claims that', 'rumoured', 'rumored']

/** Phrases introducing the cause or backdrop of the main event: cues inside them weigh like history. */
export const backgrounds = ['after the', 'following the', 'in response to', 'in retaliation for', 'over the', 'since the', 'amid the', 'amid', 'in the wake of', 'as a result of', 'because of', 'due to', 'which were', 'which was', 'that had']

/** Words that may stand between an actor and the cue it is the agent of ("Iran's Revolutionary Guards seized", "Israeli strikes"). */
export const agentGapWords = [
  'the', 'its', 'their', 'his', 'her', "'s", "'", '-', 'and', ',', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'will', 'would',
  'could', 'may', 'might', 'should', 'shall', 'must', 'can', 'did', 'does', 'do', 'also', 'formally', 'officially', 'jointly', 'effectively',
  'reportedly', 'now', 'again', 'finally', 'quickly', 'recently', 'repeatedly', 'publicly', 'later', 'earlier', 'already', 'lately', 'once',
  'still', 'further', 'then', 'swiftly', 'abruptly', 'unilaterally', 'immediately', 'subsequently', 'first', 'second', 'third', 'fourth', 'fifth',
  'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'latest', 'new', 'fresh', 'recent', 'planned', 'proposed', 'renewed', 'retaliatory', 'massive',
  'deadly', 'joint', 'repeated', 'alleged', 'so-called', 'unprecedented', 'brutal', 'ongoing', 'continued', 'continuing', 'nuclear', 'military',
  'economic', 'diplomatic', 'naval', 'air', 'armed', 'cross-border', 'overnight', 'surprise', 'sweeping', 'not', "n't",
]

/** After an actor's possessive and before "to": nouns whose agent the actor is ("Sweden's bid to join NATO"). */
export const intentionNouns = ['bid', 'application', 'request', 'decision', 'move', 'plan', 'plans', 'efforts', 'effort', 'attempt', 'attempts', 'refusal', 'failure', 'readiness', 'willingness', 'intention', 'call', 'offer', 'push', 'drive', 'campaign', 'quest', 'pledge', 'promise', 'threat', 'vow', 'agreement', 'commitment']

/** Prepositions that make the actor after them an oblique, never the subject of what follows ("deployed to Libya in support of"). */
export const obliquePrepositions = ['to', 'from', 'in', 'into', 'with', 'against', 'on', 'at', 'for', 'of', 'over', 'toward', 'towards', 'about', 'onto', 'across', 'near', 'within', 'under', 'than', 'like', 'upon', 'via', 'through']

/** Verbs by which one actor takes up another's measure as its own ("adopted the EU's sanctions against Russia"). */
export const adoptionVerbs = ['adopt', 'adopted', 'adopts', 'adopting', 'join', 'joined', 'joins', 'joining', 'implement', 'implemented', 'implements', 'implementing', 'enforce', 'enforced', 'enforcing', 'follow', 'followed', 'following', 'mirror', 'mirrored', 'match', 'matched', 'copied', 'extend', 'extended', 'apply', 'applied', 'endorsed', 'endorse', 'backed', 'back']

/** Phrases after an object that add co-subjects to the clause ("recognised Palestine, alongside Canada and Australia"). */
export const coSubjectMarkers = ['alongside', 'along with', 'together with', 'as did', 'as have', 'as has']

/** Verbs whose object is the subject of the infinitive after it ("allowed Taiwan to open", "prompting China to downgrade"). */
export const controlVerbs = ['allow', 'allowed', 'allows', 'allowing', 'permit', 'permitted', 'permitting', 'invite', 'invited', 'inviting', 'urge', 'urged', 'urging', 'ask', 'asked', 'asking', 'press', 'pressed', 'pressing', 'push', 'pushed', 'pushing', 'force', 'forced', 'forcing', 'compel', 'compelled', 'encourage', 'encouraged', 'encouraging', 'help', 'helped', 'helping', 'enable', 'enabled', 'enabling', 'prompt', 'prompted', 'prompting', 'lead', 'led', 'leading', 'cause', 'caused', 'causing', 'persuade', 'persuaded', 'convince', 'convinced', 'told', 'tell', 'want', 'wanted', 'wants', 'expect', 'expected', 'expects', 'call on', 'called on', 'calling on', 'calls on']

/** A clause opening like this reports the reaction an earlier event drew ("…, prompting China to downgrade relations"). */
export const responseOpeners = ['prompting', 'forcing', 'leading', 'causing', 'sparking', 'triggering', 'drawing', 'provoking', 'spurring', 'pushing', 'pressing']

/** News agencies and outlets: "Iran's Fars", "China's Xinhua" name a source, not a person speaking for the state. */
export const mediaNames = ['fars', 'tasnim', 'irna', 'isna', 'mehr', 'xinhua', 'anadolu', 'tass', 'ria', 'interfax', 'yonhap', 'kcna', 'wam', 'spa', 'bernama', 'kyodo', 'antara', 'pti', 'ani', 'sana', 'mena', 'petra', 'qna', 'kuna', 'bna', 'ona', 'apa', 'azertag', 'armenpress', 'ukrinform', 'belta', 'kazinform', 'vna', 'pna', 'efe', 'ansa', 'dpa', 'afp', 'reuters', 'al-manar', 'al-mayadeen', 'al-arabiya', 'al-jazeera', 'haaretz', 'ynet', 'kan', 'cctv', 'cgtn', 'nhk', 'rt', 'sputnik', 'press tv', 'presstv']

/** After an actor and before the head noun: it qualifies that noun, so the possessor stays a party ("Sweden's NATO membership"). */
export const nominalHeads = ['membership', 'accession', 'bid', 'application', 'candidacy', 'sanctions', 'aid', 'package', 'deal', 'agreement', 'summit', 'talks', 'relations', 'ties', 'status', 'seat', 'presidency', 'chairmanship', 'ambassador', 'envoy', 'representative', 'mission', 'delegation', 'policy', 'strategy', 'commitment', 'commitments', 'obligations', 'quota', 'funding', 'contribution', 'contributions', 'veto', 'vote', 'accord', 'integration', 'path', 'ambitions', 'aspirations', 'envoys', 'ambassadors']

/** Nouns naming a go-between after a demonym or possessive ("Omani mediators", "Egypt's mediation"). */
export const mediatorNouns = ['mediation', 'mediators', 'mediator', 'mediating', 'facilitation', 'facilitators', 'good offices', 'brokering', 'intermediaries', 'intermediary']

/** Documents an organisation authors: "a UN roadmap", "the EU plan" name the author, not a party. */
export const documentNouns = ['roadmap', 'road map', 'plan', 'proposal', 'resolution', 'report', 'reports', 'initiative', 'framework', 'charter', 'blueprint', 'draft', 'statement', 'communique', 'survey', 'study', 'index', 'data', 'figures', 'estimate', 'estimates', 'forecast', 'rules', 'regulations', 'guidelines', 'standards']

/** Words before "at" that make the following actor a target, not a place ("fired rockets at Israel"). */
export const aimedAt = ['fire', 'fired', 'fires', 'firing', 'aimed', 'aiming', 'directed', 'launched', 'rockets', 'rocket', 'missiles', 'missile', 'shells', 'drones', 'drone', 'projectiles', 'mortars', 'munitions', 'bombs', 'artillery', 'salvo', 'salvos', 'barrage', 'rounds', 'shots', 'swipe', 'jab', 'dig', 'digs', 'lashed out', 'lashing out', 'lashes out', 'hit back', 'hits back', 'hitting back', 'jabs', 'pointed', 'grenades', 'ballistic missiles', 'cruise missiles', 'warning shots']

/** Nouns for a government or its people that, before "in" and a capital, make the capital a party ("the government in Tripoli"). */
export const seatNouns = ['government', 'governments', 'authorities', 'officials', 'leaders', 'leadership', 'regime', 'junta', 'administration', 'rulers', 'counterparts', 'coup leaders', 'military rulers', 'diplomats', 'ministry', 'embassy', 'embassies', 'mission', 'missions', 'consulate', 'high commission', 'ambassador', 'ambassadors', 'envoy', 'high commissioner', "charge d'affaires", "chargé d'affaires", 'office', 'representative office', 'trade office', 'liaison office', 'interests section']

/** Nouns after a place that make it the venue of an event, whatever kind of name it is ("the White House lawn"). */
export const venueOnlyNouns = ['lawn', 'ceremony', 'compound', 'grounds', 'rose garden', 'oval office', 'briefing room', 'podium', 'press conference', 'news conference', 'residence', 'palace grounds']

/** After a demonym or possessive: nouns that make the state an acting party ("Iranian officials", "Turkey's parliament"). */
export const partyNouns = [
  'government', 'governments', 'official', 'officials', 'leader', 'leaders', 'leadership', 'president', 'presidency', 'prime minister', 'premier', 'minister', 'ministers', 'ministry', 'foreign minister', 'foreign ministry', 'defence minister', 'defense minister', 'defence ministry', 'defense ministry', 'chancellor', 'king', 'queen', 'emir', 'crown prince', 'sultan', 'monarch', 'regime', 'administration', 'authorities', 'state', 'side', 'counterpart', 'counterparts', 'delegation', 'delegations', 'envoy', 'envoys', 'ambassador', 'ambassadors', 'diplomat', 'diplomats', 'diplomacy', 'embassy', 'consulate', 'mission', 'negotiator', 'negotiators', 'spokesman', 'spokeswoman', 'spokesperson', 'parliament', 'lawmakers', 'legislature', 'congress', 'senate', 'cabinet', 'junta', 'forces', 'force', 'troops', 'soldiers', 'army', 'armies', 'military', 'militaries', 'navy', 'air force', 'coast guard', 'police', 'security forces', 'intelligence', 'intelligence services', 'warplane', 'warplanes', 'jet', 'jets', 'fighter jets', 'plane', 'planes', 'aircraft', 'drone', 'drones', 'warship', 'warships', 'vessel', 'vessels', 'ship', 'ships', 'tanker', 'tankers', 'submarine', 'submarines', 'missile', 'missiles', 'base', 'bases', 'air base', 'airbase', 'naval base', 'positions', 'targets', 'facilities', 'nuclear facilities', 'nuclear programme', 'nuclear program', 'interests', 'assets', 'sovereignty', 'territory', 'territories', 'soil', 'airspace', 'waters', 'border', 'borders', 'frontier', 'counterparts', 'commander', 'commanders', 'general', 'generals', 'nationals', 'citizens', 'companies', 'firms', 'banks', 'oil sector', 'economy', 'exports', 'imports', 'goods', 'products', 'steel', 'oil', 'gas', 'central bank', 'court', 'courts', 'prosecutors', 'judiciary', 'opposition', 'rebels', 'separatists', 'insurgents', 'militants', 'militias', 'militia', 'fighters', 'guards', 'guard', 'revolutionary guards', 'people', 'nation', 'counterpart', 'foreign secretary', 'secretary of state', 'vice president', 'deputy', 'deputies', 'team', 'proposal', 'decision', 'move', 'request', 'requests', 'support', 'backing', 'aid', 'allies', 'ally', 'partner', 'partners',
  'site', 'sites', 'missions', 'embassies', 'consulates', 'consul', 'high commissioner', 'high commission', 'emissary', 'emissaries', 'mercenaries', 'proxies', 'proxy',
  'armed forces', 'defence forces', 'defense forces', 'special forces', 'marines', 'paramilitaries', 'peacekeepers', 'officers', 'sailors', 'fishermen', 'boats',
  'fishing boats', 'airliner', 'aircraft carrier', 'helicopters', 'air defences', 'air defenses', 'installations', 'outposts', 'convoy', 'convoys', 'patrols',
  'destroyer', 'destroyers', 'frigate', 'frigates', 'seafood', 'beef', 'wine', 'wheat', 'grain', 'coal', 'chips', 'semiconductors', 'cars', 'vehicles', 'electric vehicles', 'solar panels', 'investors', 'airlines', 'carriers', 'fishing boats',
  'coup leaders', 'supreme leader', 'hardliners', 'state department', 'foreign office', 'war cabinet', 'security council', 'national security council', 'head of state',
]

/** After a demonym or possessive: nouns that make it a topic or a place, not an actor ("the Syrian conflict"). */
export const topicNouns = [
  'conflict', 'war', 'civil war', 'crisis', 'revolution', 'uprising', 'question', 'issue', 'file', 'dossier', 'problem', 'city', 'cities', 'town', 'towns', 'village', 'villages', 'capital', 'province', 'provinces', 'region', 'regions', 'coast', 'coastline', 'desert', 'mountains', 'valley', 'river', 'sea', 'gulf', 'peninsula', 'island', 'islands', 'mainland', 'countryside', 'election', 'elections', 'vote', 'media', 'press', 'television', 'tv', 'news agency', 'state media', 'newspaper', 'daily', 'broadcaster', 'channel', 'outlet', 'agency', 'market', 'markets', 'currency', 'stocks', 'shares', 'weather', 'team', 'squad', 'club', 'league', 'cup', 'athletes', 'players', 'fans', 'football', 'soccer', 'cricket', 'olympic', 'olympics', 'language', 'cuisine', 'food', 'culture', 'history', 'population', 'refugees', 'migrants', 'workers', 'students', 'tourists', 'pilgrims', 'diaspora', 'community', 'communities', 'descent', 'origin', 'passport', 'passports', 'heritage', 'art', 'film', 'music', 'writer', 'author', 'poet', 'scientist', 'researchers', 'doctors', 'protesters', 'demonstrators',
]

/** After a capital or country used as a modifier: the city names the venue of an event ("the Hanoi summit"). */
export const venueNouns = ['summit', 'summits', 'talks', 'meeting', 'conference', 'process', 'format', 'agreement', 'agreements', 'accord', 'accords', 'declaration', 'protocol', 'communique', 'communiqué', 'negotiations', 'round', 'forum', 'dialogue', 'convention', 'treaty', 'memorandum', 'framework', 'initiative', 'consensus', 'marathon', 'games', 'olympics', 'world cup', 'cup', 'grand prix', 'open', 'festival', 'airport', 'stock exchange', 'bourse', 'university', 'hotel', 'office', 'bureau', 'correspondent', 'residents', 'weather', 'skyline', 'streets', 'traffic']

/** Markers that an actor mentioned next to them is a go-between, not a party to the relation. */
export const mediatorBefore = ['brokered by', 'mediated by', 'facilitated by', 'under the auspices of', 'with the mediation of', 'through the mediation of', 'mediation by', 'hosted by', 'sponsored by', 'guaranteed by']
/** Verbs that introduce reported speech: who says it is a source, and a party only if the clause has no other. */
export const reportingVerbs = ['said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'noted', 'notes', 'claimed', 'claims', 'announced', 'announces', 'declared', 'declares', 'insisted', 'insists', 'stressed', 'stresses', 'argued', 'argues', 'wrote', 'writes', 'reported', 'reports', 'confirmed', 'confirms', 'acknowledged', 'acknowledges', 'explained', 'explains', 'described', 'describing']

/** Words before a person's name that say they no longer hold office. */
export const formerMarkers = ['former', 'ex', 'ex-', 'late', 'then-', 'then', 'retired', 'deposed', 'ousted', 'toppled', 'exiled', 'slain', 'killed', 'assassinated']

/** Class nouns any actor of a kind may be referred back to with ("the country", "the group"). */
export const kindNouns: Record<string, string[]> = {
  state: ['country', 'nation', 'government', 'regime', 'administration', 'authorities', 'republic'],
  government: ['government', 'authority', 'administration', 'authorities', 'regime'],
  igo: ['organisation', 'organization', 'body', 'bloc', 'grouping'],
  'armed-group': ['group', 'militants', 'militant group', 'movement', 'militia', 'organisation', 'organization', 'rebels', 'rebel group', 'insurgents', 'faction', 'jihadists', 'fighters', 'outfit', 'network'],
  party: ['party', 'movement', 'group', 'organisation', 'organization', 'faction'],
}

/** Plural references to the last two parties ("the two sides"). */
export const pairReferences = ['the two sides', 'both sides', 'the two countries', 'both countries', 'the two nations', 'both nations', 'the two governments', 'both governments', 'the two neighbours', 'the two neighbors', 'the two rivals', 'the two allies', 'the two armies', 'the two states', 'the two leaders', 'both leaders', 'the two powers', 'the two capitals', 'each other', 'one another', 'the pair', 'the neighbours', 'the neighbors', 'their countries', 'each side', 'both parties', 'the two parties', 'the two nations']
