import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { NormalizeEmail, Trim } from '../../common/http/transforms';
import { PASSWORD_LOGIN_MODES, PasswordLogin } from '../../config/oidc-config';
import { MeView } from '../dto/auth.dto';

export class OidcProviderView {
  @ApiProperty({ example: 'idporten', description: 'Sign in at GET /auth/oidc/{name}/login?neste=/min-side' })
  name!: string;
  @ApiProperty({ example: 'ID-porten', description: 'Shown as "Logg inn med ID-porten"' })
  displayName!: string;
}

export class SignInOptions {
  @ApiProperty({ type: [OidcProviderView] }) providers!: OidcProviderView[];
  @ApiProperty({
    enum: PASSWORD_LOGIN_MODES,
    description: 'on: anyone signs in and registers with a password; staff-only: only staff; off: nobody',
  })
  passwordLogin!: PasswordLogin;
}

export class PendingSignupView {
  @ApiProperty({ example: 'idporten' }) provider!: string;
  @ApiProperty({ example: 'ID-porten' }) displayName!: string;
  @ApiProperty({ description: 'The provider gave no name: ask for one too' }) needsName!: boolean;
  @ApiProperty({ example: '/min-side', description: 'Where the person lands afterwards' }) next!: string;
}

export class CompleteSignupDto {
  @ApiProperty({ example: 'ola@example.no', description: 'Confirmed by a mailed link, as at registration' })
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ description: 'Needed only when the provider gave no name (needsName)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}

export class OidcSessionAnswer {
  @ApiProperty({ type: MeView }) user!: MeView;
  @ApiProperty({ description: 'When the session ends (ISO 8601)' }) expiresAt!: string;
  @ApiProperty({ example: '/min-side', description: 'Where to send the browser now' }) next!: string;
}

export class SignOutAnswer {
  @ApiProperty({
    example: '/',
    description:
      'Where to send the browser now: the provider’s end-session URL (RP-initiated logout, which comes ' +
      'back to PUBLIC_URL/) when the session came from a provider that has one, else /',
  })
  next!: string;
}
