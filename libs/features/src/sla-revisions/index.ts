export { SlaRevisionsModule } from './sla-revisions.module';
