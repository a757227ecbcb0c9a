import { describe, expect, test } from 'vitest';
import type { Entity, EntityType } from '../../src/entities/entity-types.js';
import { mergeEntities } from '../../src/entities/merge-entities.js';

const TEXT = "Emmanuel Macron a reçu Lee Jae-myung à Paris. Macron et l'ONU ont parlé de Séoul, puis Macron est parti pour Lyon.";

/** An entity whose mentions are the given occurrences (nth, from 0) of strings in TEXT. */
function entity(type: EntityType, text: string, ...mentions: Array<[string, number?]>): Entity {
  return {
    text,
    type,
    mentions: mentions.map(([s, nth = 0]) => {
      let at = -1;
      for (let i = 0; i <= nth; i++) at = TEXT.indexOf(s, at + 1);
      if (at < 0) throw new Error(`${s} #${nth} not in the text`);
      return { start: at, end: at + s.length, text: s };
    }),
  };
}

const view = (entities: Entity[]) => entities.map((e) => `${e.type}:${e.text}=${e.mentions.map((m) => `${m.text}@${m.start}`).join(',')}`);

describe('mergeEntities: rules win on overlaps, the model adds what they missed', () => {
  const rules = [entity('PERSON', 'Emmanuel Macron', ['Emmanuel Macron'], ['Macron', 1], ['Macron', 2]), entity('LOC', 'Paris', ['Paris'])];

  test('a model mention overlapping a rules mention is dropped, even of another type or extent', () => {
    const model = [entity('ORG', 'Macron', ['Macron']), entity('PERSON', 'Paris.', ['Paris.']), entity('LOC', 'Emmanuel', ['Emmanuel'])];
    expect(mergeEntities(rules, model)).toEqual(rules);
  });

  test('a model mention overlapping nothing is added as its own entity', () => {
    const model = [entity('PERSON', 'Lee Jae-myung', ['Lee Jae-myung']), entity('LOC', 'Séoul', ['Séoul'])];
    expect(view(mergeEntities(rules, model))).toEqual([
      `PERSON:Emmanuel Macron=Emmanuel Macron@0,Macron@46,Macron@87`,
      `PERSON:Lee Jae-myung=Lee Jae-myung@23`,
      `LOC:Paris=Paris@39`,
      `LOC:Séoul=Séoul@75`,
    ]);
  });

  test('an added mention joins the rules entity of the same text (a mention text or the entity text)', () => {
    const onlyFirst = [entity('PERSON', 'Emmanuel Macron', ['Emmanuel Macron']), entity('LOC', 'Paris', ['Paris'])];
    // The model found "Macron" twice where the rules did not, and "Emmanuel Macron" where they did.
    const model = [entity('PERSON', 'Emmanuel Macron', ['Emmanuel Macron'], ['Macron', 1], ['Macron', 2])];
    const merged = mergeEntities(onlyFirst, model);
    expect(view(merged)).toEqual([`PERSON:Emmanuel Macron=Emmanuel Macron@0,Macron@46,Macron@87`, `LOC:Paris=Paris@39`]);
    // The rules entity keeps its type even when the model typed the mention otherwise.
    const twice = [entity('PERSON', 'Emmanuel Macron', ['Emmanuel Macron'], ['Macron', 1])];
    expect(view(mergeEntities(twice, [entity('ORG', 'Macron', ['Macron', 2])]))).toEqual([`PERSON:Emmanuel Macron=Emmanuel Macron@0,Macron@46,Macron@87`]);
  });

  test('only the surviving mentions of a model entity are kept', () => {
    const model = [entity('LOC', 'Lyon', ['Paris'], ['Lyon'])];
    expect(view(mergeEntities(rules, model))).toContain('LOC:Lyon=Lyon@109');
    expect(view(mergeEntities(rules, model)).filter((e) => e.startsWith('LOC:Paris'))).toEqual(['LOC:Paris=Paris@39']);
  });

  test('no model entities, or no rules entities', () => {
    expect(mergeEntities(rules, [])).toEqual(rules);
    const model = [entity('ORG', 'ONU', ['ONU'])];
    expect(mergeEntities([], model)).toEqual(model);
  });

  test('pure: the inputs are not changed, the output is sorted by first mention', () => {
    const r = [entity('LOC', 'Lyon', ['Lyon']), entity('PERSON', 'Emmanuel Macron', ['Emmanuel Macron'])];
    const m = [entity('PERSON', 'Macron', ['Macron', 2], ['Macron', 1]), entity('ORG', 'ONU', ['ONU'])];
    const before = JSON.stringify([r, m]);
    const merged = mergeEntities(r, m);
    expect(JSON.stringify([r, m])).toBe(before);
    // "Macron" is not the text of a rules entity: it stays the model's.
    expect(view(merged)).toEqual(['PERSON:Emmanuel Macron=Emmanuel Macron@0', 'PERSON:Macron=Macron@46,Macron@87', 'ORG:ONU=ONU@58', 'LOC:Lyon=Lyon@109']);
  });
});
