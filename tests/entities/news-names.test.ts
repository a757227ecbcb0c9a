import { describe, expect, test } from 'vitest';
import { findEntities } from '../../src/entities/find-entities.js';

// Naming patterns of wire copy in each pack language, in sentences written for these tests.
function entities(text: string, language: string) {
  const sentences: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?](?:\s+|$)/g)) {
    sentences.push({ start, end: m.index + 1 });
    start = m.index + m[0].length;
  }
  if (start < text.length) sentences.push({ start, end: text.length });
  return findEntities(text, { sentences, languages: [language] }).map((e) => [e.type, e.text, e.mentions.map((m) => m.text)] as const);
}
const typed = (text: string, language: string) => entities(text, language).map(([type, name]) => `${type} ${name}`);

describe('Korean', () => {
  test('particles are cut off names, and institutions are read by their ending', () => {
    const found = typed('기획재정부는 서울에서 회의를 열었고, 한국무역협회와 SK하이닉스가 참석했다.', 'kor');
    expect(found).toEqual(expect.arrayContaining(['ORG 기획재정부', 'LOC 서울', 'ORG 한국무역협회', 'ORG SK하이닉스']));
  });

  test('a person is a surname and given name before a title, and every later mention joins them', () => {
    const found = entities('최민준 산업연구원 선임연구위원은 "수출이 늘 것"이라고 말했다. 최민준 위원은 또 최 위원은 환율도 언급했다.', 'kor');
    const person = found.find(([type]) => type === 'PERSON');
    expect(person?.[1]).toBe('최민준');
    expect(person?.[2]).toEqual(['최민준', '최민준', '최']);
  });

  test('a word that opens with a surname is not a person without a given name', () => {
    expect(typed('배터리 업체 대표는 말했다.', 'kor').filter((x) => x.startsWith('PERSON'))).toEqual([]);
  });

  test('a place before an institution opens its name; words for things are not organisations', () => {
    const found = typed('미국 의회는 LNG운반선 수입과 원/달러 환율, 450원 인상을 논의했다.', 'kor');
    expect(found).toContain('ORG 미국 의회');
    expect(found.some((x) => x.includes('LNG운반선') || x.includes('450원'))).toBe(false);
  });
});

describe('German', () => {
  test('inflected places, titles in compounds, and a head name that ends at a lower-case word', () => {
    const found = typed(
      'Die Exporte Südkoreas in die Vereinigten Arabischen Emirate stiegen, sagte US-Präsident Donald Trump. Vorstand Kim Min-su betonte, der Fonds habe seinen Sitz in Jeonju.',
      'deu',
    );
    expect(found).toEqual(expect.arrayContaining(['LOC Südkoreas', 'LOC Vereinigten Arabischen Emirate', 'PERSON Donald Trump', 'PERSON Kim Min-su', 'LOC Jeonju']));
    expect(found.some((x) => x.startsWith('ORG Fonds'))).toBe(false);
  });

  test('a conjoined ministry keeps its whole list of portfolios', () => {
    expect(typed('Das Ministerium für Handel, Industrie und Energie teilte mit, die Ausfuhren seien gestiegen.', 'deu')).toContain('ORG Ministerium für Handel Industrie und Energie');
  });
});

describe('English', () => {
  test('possessives stay off names; suffixes keep their period; initialisms join a known group', () => {
    const found = entities("South Korea's exports rose, Korea Gas Corp. said, and CJ ENM's shares fell.", 'eng');
    expect(found.map(([type, name, mentions]) => `${type} ${mentions[0]}`)).toEqual(expect.arrayContaining(['LOC South Korea', 'ORG Korea Gas Corp.', 'ORG CJ ENM']));
  });

  test('two organisations joined by "and the", one name with "and" inside', () => {
    const found = typed(
      'The Ministry of Culture, Sports and Tourism and the Korea Creative Content Agency funded it, the Korea Institute for Industrial Economics and Trade said.',
      'eng',
    );
    expect(found).toEqual(expect.arrayContaining(['ORG Ministry of Culture Sports and Tourism', 'ORG Korea Creative Content Agency', 'ORG Korea Institute for Industrial Economics and Trade']));
  });

  test('a given name before an East Asian surname, and a role in apposition', () => {
    expect(typed('Minseo Park, an analyst at a Seoul brokerage, and Tomas Novak, an economist, disagreed.', 'eng')).toEqual(
      expect.arrayContaining(['PERSON Minseo Park', 'PERSON Tomas Novak']),
    );
  });
});

describe('French', () => {
  test('a head name goes on in lower case up to a hard end, never over a clause', () => {
    const found = typed("L'Institut coréen de finance internationale a publié sa note. La Banque de Corée pour soutenir le won, dit-on.", 'fra');
    expect(found).toContain('ORG Institut coréen de finance internationale');
    expect(found).toContain('ORG Banque de Corée');
  });

  test('"Séoul-Paris" names two places; stock indices, units and technical acronyms are never organisations', () => {
    const found = typed('Sur la liaison Séoul-Paris, le Kospi a gagné 1 %, et les centrales de 1,4 GW utilisent des puces HBM et l’IP du FAI.', 'fra');
    expect(found).toEqual(expect.arrayContaining(['LOC Séoul', 'LOC Paris']));
    expect(found.filter((x) => /Kospi|GW|HBM|IP|FAI|Sur/.test(x))).toEqual([]);
  });

  test('"Un" opening a sentence is not the UN; the UN is', () => {
    expect(typed("Un dollar valait 1 400 wons, selon l'ONU et l'UN.", 'fra')).toEqual(expect.arrayContaining(['ORG ONU', 'ORG UN']));
    expect(typed('Un accord a été signé.', 'fra')).toEqual([]);
  });

  test('an airline named with "Air" is an organisation, not a person', () => {
    expect(typed('Les filiales Jin Air et Air Busan seront fusionnées.', 'fra')).toContain('ORG Jin Air');
  });
});

describe('house styles of French wires', () => {
  test('unaccented capitals, lost apostrophes and an uppercase dateline name the same places and bodies', () => {
    const found = entities("MONTRÉAL — Le Quai d Orsay et le ministère de l Economie ont réagi. Les Etats-Unis ont répondu depuis Montréal.", 'fra');
    expect(found).toEqual(
      expect.arrayContaining([
        ['LOC', 'Montréal', ['MONTRÉAL', 'Montréal']],
        ['ORG', 'Quai d Orsay', ['Quai d Orsay']],
        ['ORG', "ministère de l Economie", ["ministère de l Economie"]],
        ['LOC', 'Etats-Unis', ['Etats-Unis']],
      ]),
    );
  });

  test('a place name after a given name is a surname, and the surname alone later is the person', () => {
    expect(entities('François Hollande a parlé à Lyon. Hollande a ensuite quitté la ville.', 'fra')).toEqual(
      expect.arrayContaining([['PERSON', 'François Hollande', ['François Hollande', 'Hollande']]]),
    );
  });
});

describe('English wire copy', () => {
  test('a dateline names a place, a byline a person, and the prose mention joins the dateline', () => {
    const text = 'LE TOUQUET, France, June 17 (Reuters) - Talks began.\nBy Choi Min-ji\nDelegates met again in Le Touquet on Friday.';
    const found = entities(text, 'eng');
    expect(found).toEqual(expect.arrayContaining([['LOC', 'Le Touquet', ['LE TOUQUET', 'Le Touquet']], ['PERSON', 'Choi Min-ji', ['Choi Min-ji']]]));
  });

  test("subsidiaries, places inside organisations' names, plural possessives, titles before a name", () => {
    const found = typed(
      "BYD Korea and the Korea National Oil Corp. met the Korean Metal Workers' Union, and Chief Financial Officer Dana Whitfield spoke at Ulsan District Court.",
      'eng',
    );
    expect(found).toEqual(
      expect.arrayContaining(['ORG BYD Korea', 'ORG Korea National Oil Corp', 'ORG Korean Metal Workers Union', 'PERSON Dana Whitfield', 'ORG Ulsan District Court']),
    );
  });

  test('an adjective of nationality is not a place', () => {
    expect(typed('The German government and American carmakers disagreed.', 'eng')).toEqual([]);
  });
});

describe('lists and capitalisation', () => {
  test('a name listed with organisations is one of them; a month abbreviation after a dateline is not', () => {
    expect(typed('Les banques commerciales, dont KB Kookmin, Shinhan et Hanmi, ont vendu.', 'fra')).toContain('ORG Hanmi');
    expect(typed('SEOUL, Nov. 5 (Yonhap) -- Exports rose.', 'eng').filter((x) => x.includes('Nov'))).toEqual([]);
    // A comma alone makes no list: the name after it keeps its own reading.
    expect(entities("Le président Lee Jae Myung a parlé. Devant l'Assemblée nationale, Lee a souligné la diplomatie.", 'fra')).toEqual(
      expect.arrayContaining([['PERSON', 'Lee Jae Myung', ['Lee Jae Myung', 'Lee']]]),
    );
  });

  test('a name the gazetteer lists both as an acronym and as a word matches either way', () => {
    expect(typed('Posco a signé ce mois-ci. POSCO a confirmé.', 'fra')).toEqual(['ORG Posco']);
  });
});
