/**
 * The deck's cards from the flashcards collection, at build time, in deck order, each with the
 * chapter that teaches it. Used by the deck and the progress page.
 */
import { getCollection } from 'astro:content';
import { withBase } from '../../site/paths.ts';
import { inDeckOrder, type DeckCard } from './deck.ts';

export async function deckCards(): Promise<DeckCard[]> {
  const titles = new Map((await getCollection('docs')).map((doc) => [doc.id.replace(/\/index$/, ''), doc.data.title]));
  // getCollection sorts by id; the deck keeps the authored order within the site map's sections.
  const entries = inDeckOrder((await getCollection('flashcards')).map(({ id, data }) => ({ id, ...data })));
  return entries.map(({ id, ...data }) => {
    const page = data.link.replace(/#.*$/, '').replace(/^\/|\/$/g, '');
    const chapter = titles.get(page);
    if (!chapter) throw new Error(`Flashcard "${id}" links to ${data.link}, which is not a page of the guide`);
    return {
      id,
      section: data.section,
      level: data.level,
      front: data.front,
      back: data.back,
      href: withBase(data.link),
      chapter,
    };
  });
}
