import { Module } from '@nestjs/common';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

/** SLA warnings and stored SLA results, written by the SLA jobs (libs/jobs/src/sla), read here. */
@Module({ providers: [NotificationsRepository, NotificationsService, NotificationsResolver] })
export class NotificationsModule {}
