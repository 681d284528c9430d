import { getMetadataStorage } from 'class-validator';
import '../../app.module'; // loads every controller, hence every DTO and its constraints
import { ERROR_STATUS } from './error-codes';
import { CODE_MESSAGES, FIELD_MESSAGES, LOCALES, THINGS } from './messages';
import { negotiateLocale } from './locale';

/** Every constraint name any DTO uses (class-validator keeps them in one storage). */
function constraintsInUse(): string[] {
  const byTarget = (
    getMetadataStorage() as unknown as {
      validationMetadatas: Map<unknown, { name?: string; type: string }[]>;
    }
  ).validationMetadatas;
  expect(byTarget).toBeInstanceOf(Map);
  const names = [...byTarget.values()].flat().map((m) => (m.type === 'customValidation' ? m.name : m.type));
  // conditionalValidation (ValidateIf/IsOptional) never fails on its own.
  return [...new Set(names.filter((n): n is string => !!n && n !== 'conditionalValidation'))].sort();
}

describe('the error message catalogue', () => {
  it('has a text in bokmål and English for every error code', () => {
    const missing = Object.keys(ERROR_STATUS).flatMap((code) =>
      LOCALES.filter(
        (l) => !(CODE_MESSAGES as Record<string, Record<string, string>>)[code]?.[l]?.trim(),
      ).map((l) => `${code} (${l})`),
    );
    expect(missing).toEqual([]);
  });

  it('has a text in both languages for every validation constraint a DTO uses', () => {
    const used = constraintsInUse();
    expect(used).toEqual(
      expect.arrayContaining(['isInt', 'min', 'isIn', 'isUuid', 'invalid_date', 'date_out_of_range']),
    );
    const texts = FIELD_MESSAGES as Record<string, Record<string, string>>;
    const missing = [...used, 'whitelistValidation'].flatMap((c) =>
      LOCALES.filter((l) => !texts[c]?.[l]?.includes('{field}')).map((l) => `${c} (${l})`),
    );
    expect(missing).toEqual([]);
  });

  it('keeps every entry complete: both languages, the same placeholders', () => {
    const placeholders = (s: string): string[] => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, text] of Object.entries({ ...CODE_MESSAGES, ...FIELD_MESSAGES, ...THINGS })) {
      expect({ key, nb: placeholders(text.nb) }).toEqual({ key, nb: placeholders(text.en) });
      expect(text.nb.trim() && text.en.trim()).toBeTruthy();
    }
  });
});

describe('the language of an answer', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['nb-NO,nb;q=0.9,en;q=0.8', 'nb'],
    ['en;q=0.5, nb', 'nb'],
    ['nb;q=0.2, en;q=0.8', 'en'],
    ['de', 'nb'],
    ['de, en;q=0.5', 'en'],
    ['*', undefined],
    ['sv, *;q=0.5', 'nb'],
    ['en;q=0, sv', 'nb'],
  ])('Accept-Language %p gives %p', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});
