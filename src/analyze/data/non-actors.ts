// Names that contain an actor's name but denote something else: seas, regions, cities, sports events,
// newspapers. The gazetteer reads them as one unit and reports no actor, so "the Gulf of Oman" is not Oman and
// "Northern Ireland" is not Ireland. Only multi-word names belong here.

export const nonActorNames: string[] = [
  // seas, gulfs, straits, oceans
  'Gulf of Oman', 'Gulf of Mexico', 'Gulf of Guinea', 'Gulf of Thailand', 'Gulf of Aden', 'Gulf of Finland', 'Gulf of Bothnia', 'Sea of Japan',
  'South China Sea', 'East China Sea', 'Indian Ocean', 'Arabian Sea', 'Arabian Peninsula', 'Persian Gulf', 'Arabian Gulf', 'Sea of Azov',
  'Taiwan Strait', 'Korea Strait', 'Strait of Malacca', 'Turkish Straits', 'Philippine Sea', 'West Philippine Sea', 'Java Sea', 'Caribbean Sea',
  'Norwegian Sea', 'Irish Sea', 'Libyan Sea', 'Ionian Sea', 'Aegean Sea', 'Yellow Sea', 'Bay of Bengal', 'Gulf of Suez', 'Gulf of Aqaba',
  // regions and provinces named after states
  'Northern Ireland', 'New Mexico', 'Mexico State', 'Georgia state', 'Washington state', 'Washington State',
  'Iraqi Kurdistan', 'Syrian Kurdistan', 'Iranian Kurdistan', 'Turkish Kurdistan', 'Indian Kashmir', 'Pakistani Kashmir', 'Azad Kashmir',
  'Indian-administered Kashmir', 'Pakistan-administered Kashmir', 'Chinese Turkestan', 'Inner Mongolia', 'Papua province', 'West Papua',
  'Korean Peninsula', 'Horn of Africa', 'Central African region', 'South Asia', 'East Asia', 'West Africa', 'East Africa', 'Southern Africa',
  'Central Asia', 'Latin America', 'Middle East', 'North Africa', 'Sahel region', 'Balkan Peninsula', 'Iberian Peninsula', 'Sinai Peninsula',
  'Golan Heights', 'Gaza Strip', 'West Bank', 'East Jerusalem',
  // cities that share a state's name
  'Mexico City', 'Kuwait City', 'Panama City', 'Guatemala City', 'Djibouti City', 'Vatican City', 'Luxembourg City', 'Singapore City', 'Brazzaville',
  'Jordan Valley', 'Lebanon County',
  // sport, culture and media
  'World Cup', 'Champions Trophy', 'Champions League', 'Asian Cup', 'Africa Cup of Nations', 'Copa America', 'Euro 2024', 'Davis Cup',
  'Australian Open', 'French Open', 'US Open', 'U.S. Open', 'Chinese Grand Prix', 'Saudi Arabian Grand Prix', 'Qatar Grand Prix', 'Bahrain Grand Prix',
  'Washington Post', 'Washington Times', 'New York Times', 'Jerusalem Post', 'Tehran Times', 'Kyiv Independent', 'Moscow Times', 'Times of Israel',
  'Times of India', 'China Daily', 'Global Times', 'Arab News', 'Gulf News', 'Korea Herald', 'Japan Times', 'South China Morning Post',
  'Real Madrid', 'Paris Saint-Germain', 'Manchester United', 'Turkish Airlines', 'Qatar Airways', 'Emirates airline', 'Air India', 'Air China',
  'Bank of Japan', 'Bank of England', 'Reserve Bank of India', 'Central Bank of Nigeria',
]
