import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { NormalizeEmail } from '../../common/http/transforms';

export class ConfirmEmailDto {
  @ApiProperty({ description: 'The token from the welcome mail’s link (…/bekreft-epost?token=…)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token!: string;
}

/** Deleting an account cannot be undone: the caller types their own address to confirm it. */
export class DeleteAccountDto {
  @ApiProperty({ example: 'leder@ask-il.no', description: 'Your own e-mail address, to confirm' })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

/** Everything frirom holds about the signed-in user, as JSON (GET /auth/me/export). */
export class AccountExport {
  @ApiProperty({ format: 'date-time' }) exportedAt!: string;
  @ApiProperty({
    description: 'id, email, name, phone, roles, locale, createdAt, emailConfirmedAt',
    type: 'object',
    additionalProperties: true,
  })
  profile!: Record<string, unknown>;
  @ApiProperty({
    description: 'Organisations you are a contact of',
    type: 'array',
    items: { type: 'object' },
  })
  organisations!: Record<string, unknown>[];
  @ApiProperty({
    description: 'Buildings you look after (caretakers)',
    type: 'array',
    items: { type: 'object' },
  })
  buildings!: Record<string, unknown>[];
  @ApiProperty({
    description: 'Booking requests you made, with their dates',
    type: 'array',
    items: { type: 'object' },
  })
  bookingRequests!: Record<string, unknown>[];
  @ApiProperty({
    description: 'Invitations you sent, and those sent to your address',
    type: 'object',
    additionalProperties: true,
  })
  invitations!: { sent: Record<string, unknown>[]; received: Record<string, unknown>[] };
  @ApiProperty({
    description: 'Changes you made to organisations',
    type: 'array',
    items: { type: 'object' },
  })
  organisationChanges!: Record<string, unknown>[];
  @ApiProperty({
    description: 'Mails frirom sent you or will send',
    type: 'array',
    items: { type: 'object' },
  })
  mails!: Record<string, unknown>[];
  @ApiProperty({
    description: 'Failed sign-ins with your address kept for throttling (a short while)',
    type: 'array',
    items: { type: 'object' },
  })
  failedSignIns!: Record<string, unknown>[];
}
