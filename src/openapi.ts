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
        'Instants are ISO 8601 with the Europe/Oslo offset; an instant without offset means Oslo wall time. ' +
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
