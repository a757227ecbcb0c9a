import { describe, expect, test } from 'vitest';
import { stripBoilerplate } from '../../src/ingest/strip-boilerplate.js';

describe('stripBoilerplate', () => {
  test.for([
    ['Début du contenu principal.', 'skip-link'],
    ['Publicité', 'advertising'],
    ['Partager cet article', 'share'],
    ['Lire aussi : Le budget de la défense en hausse de 8,2 %', 'read-also'],
    ['À lire aussi Nvidia livrera 260 000 GPU', 'read-also'],
    ['Abonnez-vous à notre infolettre', 'subscribe'],
    ['Il vous reste 64 % de cet article à lire.', 'paywall'],
    ['Skip to main content', 'skip-link'],
    ['Advertisement', 'advertising'],
    ['Read more: Korea budget', 'read-also'],
  ])('removes %j (%s)', ([line, rule]) => {
    const { text, removed } = stripBoilerplate(`Premier paragraphe.\n${line}\nDernier paragraphe.`);
    expect(text).toBe('Premier paragraphe.\nDernier paragraphe.');
    expect(removed).toEqual([{ text: line, rule }]);
  });

  test.for([
    'La publicité en ligne a rapporté 3 milliards de wons.',
    'Il a invité les lecteurs à partager cet article sur les réseaux, a-t-il dit en riant.',
    'Related companies also said they would invest in Korea next year.',
    'Selon lui, il faut lire aussi les annexes du budget pour comprendre les dépenses.',
  ])('keeps article sentences that merely mention such words: %j', (line) => {
    expect(stripBoilerplate(line)).toEqual({ text: line, removed: [] });
  });
});
