import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { findEntities } from '../../src/entities/find-entities.js';
import { createPipeline, type PrecisRecord } from '../../src/index.js';
import { SEED } from '../helpers.js';

async function entitiesOf(text: string) {
  const record = await createPipeline().process(text);
  expect(record.error).toBeUndefined();
  return record.entities;
}

describe('entities in the seed article', () => {
  let record: PrecisRecord;
  beforeAll(async () => {
    record = await createPipeline({ includeText: true }).process(readFileSync(SEED, 'utf8'));
  });
  const names = (type: string) => record.entities.filter((e) => e.type === type).map((e) => e.text);

  test('people', () => {
    expect(names('PERSON')).toEqual(
      expect.arrayContaining(['Lee Jae Myung', 'Yoon Suk Yeol', 'Donald Trump', 'Jensen Huang', 'Pete Hegseth', 'Ahn Gyu-back', 'Park Chung-hee', 'Kim Dae-jung']),
    );
  });

  test('organisations', () => {
    expect(names('ORG')).toEqual(expect.arrayContaining(['Nvidia', 'Samsung', 'Hyundai', 'Naver', 'APEC', 'Hanwha']));
  });

  test('places', () => {
    expect(names('LOC')).toEqual(expect.arrayContaining(['Corée du Sud', 'Séoul', 'États-Unis', 'Corée du Nord', 'Philadelphie']));
  });

  test('"M. Lee", "MM. Lee" and a bare "Lee" are mentions of Lee Jae Myung, titles outside the span', () => {
    const lee = record.entities.find((e) => e.text === 'Lee Jae Myung')!;
    expect(lee.mentions.length).toBeGreaterThanOrEqual(10);
    for (const m of lee.mentions) {
      expect(record.text!.slice(m.start, m.end)).toBe(m.text);
      expect(m.text).not.toMatch(/^M+\./);
    }
    expect(record.entities.filter((e) => e.type === 'PERSON' && e.text === 'Lee')).toEqual([]);
  });

  test('Trump and Huang join their full names; M. Kim joins Kim Dae-jung', () => {
    const mentionTexts = (name: string) => record.entities.find((e) => e.text === name)!.mentions.map((m) => m.text);
    expect(mentionTexts('Donald Trump')).toContain('Trump');
    expect(mentionTexts('Jensen Huang')).toContain('Huang');
    expect(mentionTexts('Kim Dae-jung')).toContain('Kim');
  });

  test('sentence-initial capitals, months and days are not named entities', () => {
    const all = record.entities.filter((e) => ['PERSON', 'ORG', 'LOC'].includes(e.type)).flatMap((e) => e.mentions.map((m) => m.text));
    for (const word of ['Selon', 'Cette', 'Lors', 'Il', 'Le', 'Des', 'Dans', 'Ce', 'On', 'Les', 'La', 'Son', 'décembre', 'mardi', 'lundi']) {
      expect(all, word).not.toContain(word);
    }
  });

  test('amount spans hold no entity ("$ US" is not an organisation)', () => {
    const all = record.entities.flatMap((e) => e.mentions.map((m) => m.text));
    expect(all).not.toContain('US');
  });
});

describe('entity patterns', () => {
  test('titles and particles: "Mme de La Rochère", "Hélène de La Rochère"', async () => {
    const e = await entitiesOf("La ministre Hélène de La Rochère a présenté le plan mardi à Paris. Interrogée, Mme de La Rochère a refusé de commenter les chiffres du budget.");
    const person = e.find((x) => x.type === 'PERSON')!;
    expect(person.text).toBe('Hélène de La Rochère');
    expect(person.mentions.map((m) => m.text)).toEqual(['Hélène de La Rochère', 'de La Rochère']);
    expect(e.find((x) => x.text === 'Paris')?.type).toBe('LOC');
  });

  test('an acronym in brackets names the organisation before it', async () => {
    const e = await entitiesOf("Le Fonds monétaire international (FMI) a relevé sa prévision. Selon le FMI, la croissance du pays atteindra 2 % l'an prochain, malgré les droits de douane.");
    const fmi = e.find((x) => x.text === 'Fonds monétaire international')!;
    expect(fmi.type).toBe('ORG');
    expect(fmi.mentions.map((m) => m.text)).toEqual(['Fonds monétaire international', 'FMI', 'FMI']);
  });

  test('places after à / en / au / aux', async () => {
    const e = await entitiesOf("Le constructeur ouvrira une usine à Brampton, en Ontario, puis livrera ses batteries aux États-Unis et au Mexique dès l'an prochain, selon la direction.");
    const loc = e.filter((x) => x.type === 'LOC').map((x) => x.text);
    expect(loc).toEqual(expect.arrayContaining(['Brampton', 'Ontario', 'États-Unis', 'Mexique']));
  });
});

describe('quantities among the entities', () => {
  test('the seed article lists its amounts as MONEY and its percentages and dates', async () => {
    const record = await createPipeline().process(readFileSync(SEED, 'utf8'));
    const of = (type: string) => record.entities.filter((e) => e.type === type).map((e) => e.text);
    expect(of('MONEY')).toEqual(['₩728 trillion', 'US$506 billion', '₩10.1 trillion', 'US$6.9 billion', '₩66.3 trillion', 'US$46 billion']);
    expect(of('PERCENT')).toEqual(['8,2 %']);
    expect(of('DATE')).toEqual(expect.arrayContaining(['mardi', 'décembre', 'lundi']));
  });
});

describe('cues from the language packs', () => {
  const find = (text: string, languages: string[]) => {
    const sentences = [{ start: 0, end: text.length }];
    return findEntities(text, { sentences, languages }).map((e) => `${e.type}:${e.mentions[0]!.text}`);
  };

  test.for([
    ['spa', 'Según el gobernador del Banco de España, la economía crece. Lo dijo el ministro Carlos Ortega en Sevilla.', ['ORG:Banco de España', 'PERSON:Carlos Ortega', 'LOC:Sevilla']],
    ['deu', 'Das Bundesministerium für Wirtschaft prüft den Antrag, sagte Ministerin Katrin Vogel am Montag in Leipzig.', ['ORG:Bundesministerium für Wirtschaft', 'PERSON:Katrin Vogel', 'LOC:Leipzig']],
    ['ita', "Lo ha detto il ministro Paolo Ferri durante un incontro con l'Associazione nazionale costruttori edili (ANCE) a Torino.", ['PERSON:Paolo Ferri', 'ORG:Associazione nazionale costruttori edili', 'LOC:Torino']],
    ['eng', 'The Ministry of Trade, Industry and Energy said on Monday that Mr. Park would travel to Busan.', ['ORG:Ministry of Trade, Industry and Energy', 'PERSON:Park', 'LOC:Busan']],
  ])('%s', ([language, text, expected]) => {
    expect(find(text as string, [language as string])).toEqual(expect.arrayContaining(expected as string[]));
  });

  test("another language's titles are not read: a Spanish title in a French article", () => {
    expect(find('Le ministro Ortega Salvatierra est arrivé.', ['fra'])).not.toContain('PERSON:Ortega Salvatierra');
    expect(find('El ministro Ortega Salvatierra llegó.', ['spa'])).toContain('PERSON:Ortega Salvatierra');
  });
});
