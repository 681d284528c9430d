import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The body of every error answer. */
export class ErrorBody {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'VALIDATION_FAILED' })
  code!: string;

  @ApiProperty({ example: 'email must be an email' })
  message!: string;

  @ApiPropertyOptional({
    description: 'Structured detail, such as the fields that failed or what is in the way',
  })
  details?: unknown;
}
