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
