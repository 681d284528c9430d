import { Module } from '@nestjs/common';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';
import { RegisterModule } from './register/register.module';
import { SupportStatementService } from './support-statement.service';

@Module({
  imports: [RegisterModule],
  controllers: [OrganisationsController, InvitationsController],
  providers: [OrganisationsService, InvitationsService, SupportStatementService],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
