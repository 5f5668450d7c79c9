const integerFormat = new Intl.NumberFormat("fr-FR");

/** "1 234 offres", "1 offre": a count with its French noun, plural when above one. */
export function formatCount(count: number, noun: string): string {
  return `${integerFormat.format(count)} ${count > 1 ? `${noun}s` : noun}`;
}
