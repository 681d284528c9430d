import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorBody, FieldDetail } from './common/errors/error-body';
import { completeContract } from './openapi-contract';

/** The OpenAPI document, generated from the controllers and DTOs. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('frirom')
    .setDescription(
      'Booking and free-use allocation of school and municipal rooms for voluntary organisations. ' +
        'Sign in with POST /auth/login and send the token as `Authorization: Bearer <token>`. ' +
        'Instants are answered as ISO 8601 with the Europe/Oslo offset (2027-09-07T18:00:00+02:00), error ' +
        'details included; an instant given without offset means Oslo wall time, and in a query a plain date ' +
        'YYYY-MM-DD means the start of that day in Oslo. A wall time skipped when the clocks go forward in ' +
        'March is refused (400 VALIDATION_FAILED, reason nonexistent_local_time); a wall time in the hour ' +
        'repeated in October is the first of the two, summer time (+02:00); give +01:00 for the second. ' +
        'Dates and instants lie in the years 2000–2100 (reason date_out_of_range); a range ending before it ' +
        'starts is refused (reason reversed_range). ' +
        'Money is integer øre. Errors answer {statusCode, code, message, details?}: the code is for programs, ' +
        'the message for people, in bokmål unless `Accept-Language: en` (or, without the header, the ' +
        "signed-in user's locale) asks for English; validation details list {field, code, message}. " +
        '`x-roles` on an operation lists the roles that may call it; `x-public` marks routes open to anyone.',
    )
    .setVersion('1.0')
    .setLicense('UNLICENSED: Ås kommune', '')
    .addServer('/', 'frirom API, at the address that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorBody, FieldDetail] });

  return completeContract(document);
}
