import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ERROR_STATUS } from './error-codes';

/** One failing field of a request, in the caller's language. */
export class FieldDetail {
  @ApiProperty({ example: 'email', description: 'The property path, e.g. preferences.0.roomId' })
  field!: string;

  @ApiProperty({ example: 'isEmail', description: 'The constraint that failed, e.g. isInt, min, isIn' })
  code!: string;

  @ApiProperty({ example: 'email må være en gyldig e-postadresse' })
  message!: string;
}

/** The body of every error answer. */
export class ErrorBody {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ enum: Object.keys(ERROR_STATUS), example: 'VALIDATION_FAILED', description: 'For programs' })
  code!: string;

  @ApiProperty({
    example: 'email må være en gyldig e-postadresse',
    description: 'For people: bokmål, or English for Accept-Language: en (see Content-Language)',
  })
  message!: string;

  @ApiPropertyOptional({
    description:
      'Structured detail. When validation fails, a list of {field, code, message}, one per failing ' +
      'field (its first failing constraint); otherwise what is in the way (the conflicts, the problems, retryAfterSeconds, …)',
    anyOf: [
      { type: 'array', items: { $ref: getSchemaPath(FieldDetail) } },
      { type: 'object', additionalProperties: true },
      { type: 'array', items: { type: 'object', additionalProperties: true } },
    ],
  })
  details?: unknown;
}
