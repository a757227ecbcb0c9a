import { describe, expect, test } from 'vitest';
import { findQuantities } from '../../src/entities/find-quantities.js';
import { findRelativeDates, resolveRelativeDate } from '../../src/entities/relative-dates.js';

/** DATE entities as "text=value" ("-" for none). */
function dates(text: string, language: string, date: string | null): string[] {
  return findQuantities(text, [], { date, languages: [language] })
    .filter((e) => e.type === 'DATE')
    .map((e) => `${e.text}=${e.value ?? '-'}`);
}

// Monday 3 March 2025: the bare weekdays of the week before fall in February.
const MONDAY = '2025-03-03';

describe('relative dates resolved against the publication date', () => {
  test('French', () => {
    const text =
      "Hier, le ministre a parlé ; avant-hier aussi. Jeudi, mardi dernier et mardi prochain. La semaine dernière, le mois prochain, l'an dernier, l'année prochaine, cette année, du mois dernier, aujourd'hui et demain.";
    expect(dates(text, 'fra', MONDAY)).toEqual([
      'Hier=2025-03-02',
      'avant-hier=2025-03-01',
      'Jeudi=2025-02-27',
      'mardi dernier=2025-02-25',
      'mardi prochain=2025-03-04',
      'La semaine dernière=2025-W09',
      'le mois prochain=2025-04',
      "l'an dernier=2024",
      "l'année prochaine=2026",
      'cette année=2025',
      'mois dernier=2025-02',
      "aujourd'hui=2025-03-03",
      'demain=2025-03-04',
    ]);
  });

  test('English', () => {
    const text = 'Yesterday the board met; it met last Tuesday and on Friday, and meets next Monday. Last week, this month, next year, last year, the day before yesterday, today.';
    expect(dates(text, 'eng', MONDAY)).toEqual([
      'Yesterday=2025-03-02',
      'last Tuesday=2025-02-25',
      'Friday=2025-02-28',
      'next Monday=2025-03-10',
      'Last week=2025-W09',
      'this month=2025-03',
      'next year=2026',
      'last year=2024',
      'the day before yesterday=2025-03-01',
      'today=2025-03-03',
    ]);
  });

  test('Spanish: "la mañana" is the morning, not tomorrow', () => {
    const text = 'Ayer y el pasado martes; el próximo lunes, la semana pasada, el año que viene, este año. Mañana por la mañana, a las nueve de la mañana; el jueves.';
    expect(dates(text, 'spa', MONDAY)).toEqual([
      'Ayer=2025-03-02',
      'pasado martes=2025-02-25',
      'próximo lunes=2025-03-10',
      'la semana pasada=2025-W09',
      'el año que viene=2026',
      'este año=2025',
      'Mañana=2025-03-04',
      'jueves=2025-02-27',
    ]);
  });

  test('German: "morgen" is tomorrow, "Morgen" the morning', () => {
    const text = 'Gestern und heute Morgen sagte er, morgen komme der Bericht. Am vergangenen Dienstag, nächste Woche, im vergangenen Jahr, dieses Jahr, am Donnerstag.';
    expect(dates(text, 'deu', MONDAY)).toEqual([
      'Gestern=2025-03-02',
      'heute=2025-03-03',
      'morgen=2025-03-04',
      'vergangenen Dienstag=2025-02-25',
      'nächste Woche=2025-W11',
      'vergangenen Jahr=2024',
      'dieses Jahr=2025',
      'Donnerstag=2025-02-27',
    ]);
  });

  test('Italian', () => {
    const text = "Ieri e martedì scorso; giovedì, domenica scorsa, la prossima settimana, il mese scorso, l'anno scorso, quest'anno, l'anno prossimo, domani.";
    expect(dates(text, 'ita', MONDAY)).toEqual([
      'Ieri=2025-03-02',
      'martedì scorso=2025-02-25',
      'giovedì=2025-02-27',
      'domenica scorsa=2025-03-02',
      'la prossima settimana=2025-W11',
      'il mese scorso=2025-02',
      "l'anno scorso=2024",
      "quest'anno=2025",
      "l'anno prossimo=2026",
      'domani=2025-03-04',
    ]);
  });

  test('Korean: particles attach, 오늘날 is no date', () => {
    const text = '정부는 어제 발표했다. 지난해보다 올해 수출이 늘었고 내년에는 더 늘 전망이다. 지난주 회의와 다음 주 회의, 목요일에 열린 회의, 지난 화요일, 다음 달, 작년. 오늘날의 경제.';
    expect(dates(text, 'kor', MONDAY)).toEqual([
      '어제=2025-03-02',
      '지난해=2024',
      '올해=2025',
      '내년=2026',
      '지난주=2025-W09',
      '다음 주=2025-W11',
      '목요일=2025-02-27',
      '지난 화요일=2025-02-25',
      '다음 달=2025-04',
      '작년=2024',
    ]);
  });

  test('without a publication date there is no value, and no guess', () => {
    expect(dates("Hier, mardi, l'année prochaine.", 'fra', null)).toEqual(['Hier=-', 'mardi=-', "l'année prochaine=-"]);
  });

  test('the words of languages not asked for are not read', () => {
    expect(findRelativeDates('Yesterday, hier.', ['fra']).map((d) => d.text)).toEqual(['hier']);
    expect(findRelativeDates('hierarchy, lendemain, Tuesdays', ['fra', 'eng'])).toEqual([]);
  });
});

describe('resolveRelativeDate', () => {
  test.for([
    // Weeks across a year boundary: 29 December 2025 is in ISO week 1 of 2026.
    [{ kind: 'offset', unit: 'week', offset: 1 }, '2025-12-22', '2026-W01'],
    [{ kind: 'offset', unit: 'week', offset: -1 }, '2021-01-06', '2020-W53'],
    [{ kind: 'offset', unit: 'month', offset: -1 }, '2025-01-15', '2024-12'],
    [{ kind: 'offset', unit: 'month', offset: 1 }, '2025-12-01', '2026-01'],
    [{ kind: 'offset', unit: 'day', offset: -1 }, '2024-03-01', '2024-02-29'],
    // A bare weekday on the day itself is that day; "last" is a week before, "next" a week after.
    [{ kind: 'weekday', weekday: 1, direction: 'bare' }, MONDAY, '2025-03-03'],
    [{ kind: 'weekday', weekday: 1, direction: 'last' }, MONDAY, '2025-02-24'],
    [{ kind: 'weekday', weekday: 1, direction: 'next' }, MONDAY, '2025-03-10'],
    [{ kind: 'weekday', weekday: 7, direction: 'bare' }, '2025-03-01', '2025-02-23'],
  ] as const)('%j against %s is %s', ([meaning, published, expected]) => {
    expect(resolveRelativeDate(meaning, published)).toBe(expected);
  });
});

describe('absolute dates', () => {
  test('get a value when given whole, or with the publication year', () => {
    const text = 'Le 14 mars 2025, le 3 novembre, en novembre 2025, en 2024, dans les années 1990, budget 2026-2027, on March 4, 2025, en décembre.';
    expect(dates(text, 'fra', '2025-06-10')).toEqual([
      '14 mars 2025=2025-03-14',
      '3 novembre=2025-11-03',
      'novembre 2025=2025-11',
      '2024=2024',
      '1990=-',
      '2026-2027=-',
      'March 4, 2025=2025-03-04',
      'décembre=-',
    ]);
    expect(dates('le 3 novembre', 'fra', null)).toEqual(['3 novembre=-']);
  });
});
