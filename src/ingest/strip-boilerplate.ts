import type { RemovedLine } from '../document.js';

interface Rule {
  name: string;
  pattern: RegExp;
}

// Whole-line patterns only: the same words inside a sentence of the article are text, not chrome.
// Lines longer than MAX_LINE are never boilerplate.
const RULES: Rule[] = [
  { name: 'skip-link', pattern: /^(début du contenu( principal)?|fin du contenu( principal)?|aller au contenu( principal)?|passer au contenu( principal)?|skip to (main )?content|retour en haut( de (la )?page)?|back to top)\.?$/i },
  { name: 'advertising', pattern: /^(publicité|pub|annonce|advertisement|advertising|ad|contenu (sponsorisé|commandité|partenaire)|sponsored( content)?|publireportage)\.?$/i },
  { name: 'share', pattern: /^(partager( cet article| sur (facebook|twitter|x|linkedin|whatsapp|bluesky))?|share( this( article| story)?)?|tweeter|imprimer|print|envoyer par (courriel|e-mail|email)|copier le lien)\.?$/i },
  { name: 'read-also', pattern: /^(à |a )?(lire aussi|lire également|voir aussi|à voir aussi|sur le même sujet)\b.*$/i },
  { name: 'read-also', pattern: /^(read (also|more)|see also|related( articles?| stories)?|more on this( story)?)(\s*[:\-–—›»>].*)?$/i },
  { name: 'subscribe', pattern: /^(abonnez-vous|inscrivez-vous|s'abonner|s’abonner|je m'abonne|je m’abonne|subscribe|sign up)\b.*(infolettre|newsletter|abonn|journal|offre|gratuit|now|today|\.|$)/i },
  { name: 'paywall', pattern: /^(cet article est réservé aux abonnés|il vous reste \d+ ?% de cet article à lire|la suite est réservée aux abonnés|this article is for subscribers only)\b.*$/i },
  { name: 'cookies', pattern: /^(nous utilisons des (cookies|témoins)|ce site utilise des (cookies|témoins)|we use cookies|accepter( et fermer)?|tout accepter|accept( all)?( cookies)?|gérer (mes|les) (cookies|préférences))\b.*$/i },
  { name: 'comments', pattern: /^(\d+ )?(commentaires?|comments?|réagir|réagissez)\.?$/i },
  { name: 'photo-credit', pattern: /^(photo|crédit photo|photo credit|illustration)\s*:\s*\S.{0,80}$/i },
];

const MAX_LINE = 160;

export interface StrippedText {
  text: string;
  removed: RemovedLine[];
}

/** Drops page chrome copied along with an article and says which lines went, and why. */
export function stripBoilerplate(text: string): StrippedText {
  const kept: string[] = [];
  const removed: RemovedLine[] = [];
  for (const line of text.split('\n')) {
    const rule = line.length <= MAX_LINE ? matchRule(line.trim()) : null;
    if (rule) removed.push({ text: line.trim(), rule });
    else kept.push(line);
  }
  return { text: kept.join('\n'), removed };
}

function matchRule(line: string): string | null {
  for (const rule of RULES) if (rule.pattern.test(line)) return rule.name;
  return null;
}
