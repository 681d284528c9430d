import { Global, Module } from '@nestjs/common';
import { MailSender } from './mail-sender';
import { Mailer } from './mailer';
import { OutboxAdminController } from './outbox-admin.controller';
import { OutboxDispatcher } from './outbox-dispatcher';
import { Outbox } from './outbox.service';
import { Renderer } from './renderer';
import { ScheduledMails } from './scheduled-mails';

/** The outbox (global: any use case may notify), and the staff's view of it. */
@Global()
@Module({ controllers: [OutboxAdminController], providers: [Outbox], exports: [Outbox] })
export class NotificationsModule {}

/** The worker's side: hands committed messages to the queue, renders and sends them, schedules digests. */
@Module({ providers: [Mailer, Renderer, MailSender, OutboxDispatcher, ScheduledMails] })
export class NotificationsWorkerModule {}
