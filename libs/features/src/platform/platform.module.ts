import { Module } from '@nestjs/common';
import { PlatformResolver } from './platform.resolver';
import { PlatformService } from './platform.service';

/** Tenants, suppliers and user accounts (the platform admin's and a buyer admin's directory), and `me`. */
@Module({ providers: [PlatformService, PlatformResolver] })
export class PlatformModule {}
