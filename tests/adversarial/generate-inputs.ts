/**
 * The hostile inputs of the reliability campaign, regenerated on demand (megabytes are not
 * committed): runs without white space, elisions, huge words, repeated signs, deep HTML, many
 * sentences, many amounts. `scale` multiplies their sizes (1 for tests, larger for a soak run).
 */
export interface AdversarialInput {
  name: string;
  text: string;
  format?: 'html';
}

export function adversarialInputs(scale = 1): AdversarialInput[] {
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  const seedSentence = 'Le gouvernement a annoncé un budget de 728 000 milliards de wons (506 milliards $ US). ';
  let sentences = '';
  for (let i = 0; i < n(1_000); i++) sentences += `La phrase ${i} parle du budget de la Corée et des exportations. `;
  return [
    { name: 'kim-run', text: `Le texte. ${'Kim-'.repeat(n(4_000))} fin.` },
    { name: 'elisions', text: `Le texte. ${"d'".repeat(n(10_000))} fin.` },
    { name: 'one-word', text: `Le texte. ${'a'.repeat(n(60_000))} fin.` },
    { name: 'k-dollars', text: `Le budget. ${'45 k$ '.repeat(n(5_000))}` },
    { name: 'rates-one-sentence', text: `${'le dollar valait 1 432,5 wons, '.repeat(n(2_000))}.` },
    { name: 'base-clauses', text: `${'pour 1 euro, on obtient 0,85 livre, '.repeat(n(2_000))}.` },
    { name: 'amounts', text: seedSentence.repeat(n(1_000)) },
    { name: 'sentences', text: sentences },
    { name: 'nested-html', format: 'html', text: `<html><body>${'<div>'.repeat(n(4_000))}<p>${seedSentence}</p>${'</div>'.repeat(n(4_000))}</body></html>` },
    { name: 'unclosed-tags', format: 'html', text: `<html><body>${'<p><b><script>'.repeat(n(2_000))}${seedSentence}</body></html>` },
    { name: 'no-spaces-digits', text: '1'.repeat(n(50_000)) },
    { name: 'brackets', text: `${'('.repeat(n(20_000))}${seedSentence}${')'.repeat(n(20_000))}` },
  ];
}

/**
 * The campaign's inputs at the sizes it reported (each under the 10 MB default limit): what
 * `npm run hostile` writes to tests/fixtures/adversarial/ and runs. `seed` is an ordinary article.
 */
export function campaignInputs(seed: string): AdversarialInput[] {
  const seedSentence = 'Le gouvernement a annoncé un budget de 728 000 milliards de wons (506 milliards $ US). ';
  let sentences = '';
  for (let i = 0; i < 4_000; i++) sentences += `La phrase ${i} parle du budget de la Corée et des exportations. `;
  const nested = (levels: number) => `<html><body>${'<div>'.repeat(levels)}<p>${seedSentence}</p>${'</div>'.repeat(levels)}</body></html>`;
  const oneLine = seed.replace(/\s+/g, ' ');
  return [
    { name: 'kim-run-16k', text: `Le texte. ${'Kim-'.repeat(4_000)} fin.` },
    { name: 'kim-run-64k', text: `Le texte. ${'Kim-'.repeat(16_000)} fin.` },
    { name: 'kim-run-800k', text: `Le texte. ${'Kim-'.repeat(200_000)} fin.` },
    { name: 'elisions-600k', text: `Le texte. ${"d'".repeat(300_000)} fin.` },
    { name: 'one-word-60k', text: `Le texte. ${'a'.repeat(60_000)} fin.` },
    { name: 'k-dollars-900k', text: `Le budget. ${'45 k$ '.repeat(150_000)}` },
    { name: 'nested-html-4000', format: 'html', text: nested(4_000) },
    { name: 'nested-html-8000', format: 'html', text: nested(8_000) },
    { name: 'nested-html-50000', format: 'html', text: nested(50_000) },
    { name: 'sentences-4000', text: sentences },
    { name: 'amounts-5000', text: seedSentence.repeat(5_000) },
    { name: 'ordinary-1.1mb', text: `${seed}\n\n`.repeat(Math.ceil(1.1e6 / seed.length)) },
    { name: 'seed-x20', text: `${seed}\n\n`.repeat(20) },
    { name: 'one-line-9mb', text: `${oneLine} `.repeat(Math.ceil(9e6 / oneLine.length)) },
  ];
}
