import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contradictions, feeChanges, mapEnhet, RawEnhet, suggestKind } from './register';

const fixture = (nr: string): RawEnhet =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'brreg', `${nr}.json`), 'utf8'));

describe('reading Enhetsregisteret', () => {
  it("maps a unit's name, form, business-address municipality, flags and home page", () => {
    expect(mapEnhet('974760673', fixture('974760673'), 200)).toEqual({
      orgNumber: '974760673',
      name: 'REGISTERENHETEN I BRØNNØYSUND',
      organisationForm: 'ORGL',
      municipalityNumber: '1813',
      inFrivillighetsregisteret: false,
      website: 'https://www.brreg.no',
      deleted: false,
      bankrupt: false,
      windingUp: false,
    });
  });

  it('falls back to the postal address, and reads bankruptcy, winding up and deletion', () => {
    expect(mapEnhet('993000027', fixture('993000027'), 200)).toMatchObject({
      municipalityNumber: '3207',
      inFrivillighetsregisteret: true,
    });
    expect(mapEnhet('993000035', fixture('993000035'), 200)).toMatchObject({ bankrupt: true });
    expect(mapEnhet('993000051', fixture('993000051'), 200)).toMatchObject({ windingUp: true });
    expect(mapEnhet('993000051', { underTvangsavviklingEllerTvangsopplosning: true }, 200).windingUp).toBe(
      true,
    );
    expect(mapEnhet('993000043', fixture('993000043'), 410)).toMatchObject({
      deleted: true,
      deletedOn: '2023-05-11',
      name: '',
      municipalityNumber: null,
    });
  });

  it('suggests a kind from the organisation form, and none for forms that do not say', () => {
    expect(['FLI', 'STI', 'AS', 'ENK', 'NUF', 'KOMM', 'ORGL', 'IKS', 'SA', null].map(suggestKind)).toEqual([
      'voluntary',
      'voluntary',
      'commercial',
      'commercial',
      'commercial',
      'public',
      'public',
      'public',
      null,
      null,
    ]);
  });

  it('lists the claims the register contradicts, ignoring case in names and what it does not say', () => {
    const facts = mapEnhet('993000019', fixture('993000019'), 200);
    expect(
      contradictions(
        {
          name: 'Nordby  sjakklubb',
          kind: 'voluntary',
          inFrivillighetsregisteret: true,
          municipalityNumber: '3218',
        },
        facts,
      ),
    ).toEqual([]);
    expect(
      contradictions({ name: 'Ås IL', inFrivillighetsregisteret: false, municipalityNumber: '3207' }, facts),
    ).toEqual([
      { field: 'name', claimed: 'Ås IL', register: 'NORDBY SJAKKLUBB' },
      { field: 'inFrivillighetsregisteret', claimed: false, register: true },
      { field: 'municipalityNumber', claimed: '3207', register: '3218' },
    ]);
    const company = mapEnhet('993000035', fixture('993000035'), 200);
    expect(contradictions({ kind: 'sports' }, company)).toEqual([
      { field: 'kind', claimed: 'sports', register: 'AS' },
    ]);
    expect(
      contradictions(
        { kind: 'commercial', municipalityNumber: '3218' },
        { ...company, municipalityNumber: null },
      ),
    ).toEqual([]);
  });

  it('names the changes between two readings that affect fees', () => {
    const before = {
      inFrivillighetsregisteret: true,
      municipalityNumber: '3218',
      bankrupt: false,
      deleted: false,
    };
    expect(feeChanges(before, before)).toEqual([]);
    expect(
      feeChanges(before, { ...before, inFrivillighetsregisteret: false, municipalityNumber: '3207' }),
    ).toEqual([{ change: 'left_frivillighetsregisteret' }, { change: 'moved', from: '3218', to: '3207' }]);
    expect(feeChanges(before, { ...before, bankrupt: true })).toEqual([{ change: 'bankrupt' }]);
    expect(feeChanges(before, { ...before, deleted: true, municipalityNumber: null })).toEqual([
      { change: 'deleted' },
    ]);
    expect(feeChanges(before, null)).toEqual([{ change: 'not_in_register' }]);
    expect(feeChanges(null, null)).toEqual([]);
  });
});
