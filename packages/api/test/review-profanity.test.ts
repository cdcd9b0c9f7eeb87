import { describe, expect, it } from 'vitest';
import { holdSignals } from '../src/cells/review/moderation-rules';
import { containsProfanity } from '../src/cells/review/profanity';
import { profanityByLanguage } from '../src/cells/review/profanity-words';

/**
 * The profanity signal in the languages a shopper can choose (English, German, French, Dutch,
 * Spanish, Italian, Swedish, Polish): obfuscated swearing is caught, ordinary words of those
 * languages that old word lists flag are not.
 */
describe('profanity in the shop languages', () => {
  it('finds every listed word in a sentence, whatever punctuation ends it', () => {
    for (const [language, words] of Object.entries(profanityByLanguage)) {
      for (const word of words) {
        for (const sentence of [`Really ${word}!`, `${word}, really.`, `so (${word})`]) {
          expect({ language, sentence, found: containsProfanity(sentence) }).toMatchObject({
            found: true,
          });
        }
      }
    }
  });

  it.each([
    ['de', 'Scheiße, das Teil war nach zwei Tagen kaputt'],
    ['de', 'Was für ein Arschl0ch von Hersteller'],
    ['de', 'SCH€ISSE verarbeitet'],
    ['fr', 'Quel connnnard a emballé ça'],
    ['fr', 'Franchement, de la m3rde'],
    ['fr', "C'est de la merde!"],
    ['nl', 'Wat een kutding, niet kopen'],
    ['es', 'Es una mierda, no lo compréis'],
    ['es', 'Qué coño pasa con el envío'],
    ['it', 'Che cazzo di qualità'],
    ['it', 'Vaffanculo, mai più'],
    ['sv', 'Jävla skräp'],
    ['pl', 'Kurwa, zepsute po tygodniu'],
    ['en', 'This is sh1t quality'],
    ['en', 'fuuuuck this thing'],
  ])('holds %s swearing, obfuscated too: %s', (_language, text) => {
    expect(containsProfanity(text)).toBe(true);
    expect(holdSignals({ title: 'Review', body: text, verified: true, ...quiet })).toContain(
      'profanity',
    );
  });

  it.each([
    ['de', 'Bitte nicht in die Spülmaschine, sonst perfekt'],
    ['de', 'Der Hund wedelt mit dem Schwanz, wenn er das Spielzeug sieht'],
    ['fr', 'Un bon rapport qualité-prix, pour et contre: con artiste à part'],
    ['nl', 'Het is een leuk ding en de kuiken vinden het ook leuk'],
    ['nl', 'Mooie pot, goed voor de keuken'],
    ['es', 'Llegó a la hora prevista, buen martillo'],
    ['it', 'Ottimo per il pesce, la regina della cucina'],
    ['sv', 'Jag är ett stort fan av den här, skulle köpa igen'],
    ['pl', 'Jajko na twardo w pięć minut'],
    ['en', 'Bought it in Scunthorpe; pros and cons listed above'],
  ])('publishes ordinary %s text: %s', (_language, text) => {
    expect(containsProfanity(text)).toBe(false);
  });
});

/** A verified review with no other signal: only profanity can hold it. */
const quiet = { authorsOtherTexts: [] as string[], recentFromAccount: 0, recentFromAddress: 0 };
