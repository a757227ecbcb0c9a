import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import type { PrecisRecord } from '../../src/index.js';
import { ROOT, fixture, runPrecis } from '../helpers.js';

const precis = runPrecis;

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schema', 'record.schema.json'), 'utf8')));
const page = fixture('page-meta', 'newsarticle.html');

describe('precis extract shows article metadata', () => {
  test('-f json: meta from the JSON-LD, date its day, relative dates resolved against it', async () => {
    const run = await precis(['extract', page, '-f', 'json']);
    expect(run.code).toBe(0);
    const [record] = JSON.parse(run.stdout) as PrecisRecord[];
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    expect(record!.meta).toEqual({
      published: '2025-03-14T09:30:00+01:00',
      author: 'Jeanne Martin, Paul Lefèvre',
      outlet: 'La Gazette des Côtes',
      url: 'https://gazette-des-cotes.example/economie/port-valmer',
      section: 'Économie',
    });
    expect(record!.date).toBe('2025-03-14');
    const values = Object.fromEntries(record!.entities.filter((e) => e.type === 'DATE').map((e) => [e.text.toLowerCase(), e.value]));
    expect(values).toMatchObject({ hier: '2025-03-13', 'mardi prochain': '2025-03-18', "l'an prochain": '2026', 'la semaine dernière': '2025-W10', 'le mois prochain': '2025-04' });
  });

  test('Markdown: one line with the fields known', async () => {
    const run = await precis(['extract', fixture('page-meta', 'og-only.html'), '-f', 'md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Published 2025-10-02T18:05:00Z · Author Sam Okafor · Outlet The Valley Ledger');
  });

  test('a JSON article file: its fields, and a record that validates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'precis-meta-'));
    const file = join(dir, 'item.json');
    writeFileSync(
      file,
      JSON.stringify({
        title: 'Les bibliothèques ouvrent le dimanche',
        date: '2025-09-15',
        url: 'https://echo-des-villes.example/culture/bibliotheques',
        byline: 'Hugo Marchand',
        publisher: 'L’Écho des villes',
        section: 'Culture',
        text: "Les bibliothèques de la ville ouvriront le dimanche dès le mois prochain, a annoncé hier la mairie, qui veut y accueillir deux fois plus de lecteurs l'an prochain.",
      }),
    );
    const run = await precis(['extract', file, '-f', 'json']);
    expect(run.code).toBe(0);
    const [record] = JSON.parse(run.stdout) as PrecisRecord[];
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    expect(record!.meta).toEqual({ published: '2025-09-15', author: 'Hugo Marchand', outlet: 'L’Écho des villes', url: 'https://echo-des-villes.example/culture/bibliotheques', section: 'Culture' });
  });
});
