import { Injectable } from '@nestjs/common';
import { DomainError } from '@ledger/kernel';
import type { AccessScope } from '@ledger/persistence';
import { ClsService, type ClsStore } from 'nestjs-cls';
import { scopeOf, type Principal } from './principal';

export interface RequestStore extends ClsStore {
  principal?: Principal;
  operation?: string;
}

/** The request's principal, set once by the auth guard from the verified token. */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService<RequestStore>) {}

  setPrincipal(principal: Principal, operation: string | undefined): void {
    this.cls.set('principal', principal);
    this.cls.set('operation', operation);
  }

  principal(): Principal {
    const p = this.cls.isActive() ? this.cls.get('principal') : undefined;
    if (!p) throw new DomainError('UNAUTHENTICATED', 'sign in first');
    return p;
  }

  scope(): AccessScope {
    return scopeOf(this.principal(), this.cls.get('operation'));
  }
}
