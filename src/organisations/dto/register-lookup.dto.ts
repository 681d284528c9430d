import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANISATION_KINDS, OrganisationKind } from '../../core/domain';

export class RegisterLookupView {
  @ApiProperty({ example: '974760673' }) orgNumber!: string;
  @ApiProperty({ example: 'ÅS IDRETTSLAG', description: 'navn' }) name!: string;
  @ApiProperty({ nullable: true, type: String, example: 'FLI', description: 'organisasjonsform.kode' })
  organisationForm!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '3218',
    description: 'forretningsadresse.kommunenummer, else postadresse.kommunenummer',
  })
  municipalityNumber!: string | null;
  @ApiProperty({ description: 'registrertIFrivillighetsregisteret' }) inFrivillighetsregisteret!: boolean;
  @ApiPropertyOptional({ example: 'https://www.asil.no', description: 'hjemmeside, as a URL' })
  website?: string;
  @ApiProperty({ description: 'Always false here: a deleted unit answers 410 DELETED_IN_REGISTER' })
  deleted!: boolean;
  @ApiProperty({ description: 'konkurs' }) bankrupt!: boolean;
  @ApiProperty({ description: 'underAvvikling or underTvangsavviklingEllerTvangsopplosning' })
  windingUp!: boolean;
  @ApiProperty({
    enum: ORGANISATION_KINDS,
    nullable: true,
    description:
      'From the organisation form: FLI, STI → voluntary; AS, ASA, ENK, ANS, DA, NUF → commercial; ' +
      'KOMM, FYLK, STAT, ORGL, KF, IKS → public; any other form → null (choose a kind)',
  })
  suggestedKind!: OrganisationKind | null;
}
