import './register-paths';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureHttp, loadAppConfig, WebConsole } from '@ledger/features';
import { portProblem, portProblemMessage } from './port-check';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig(process.env);
  // Before the database is opened and the jobs start: a port in use must not cost the embedded data directory.
  const problem = await portProblem(config.PORT, config.HOST);
  if (problem) {
    console.error(portProblemMessage(config.PORT, config.HOST, problem));
    process.exit(1);
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  configureHttp(app, config);
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  try {
    await app.listen(config.PORT, config.HOST);
  } catch (error) {
    // Taken between the check and now: close the database and the jobs cleanly before exiting.
    await app.close();
    throw error;
  }
  const url = await app.getUrl();
  app.get(Logger).log(`API ready: ${url}/graphql (health: ${url}/health)`);
  // The one URL to open, on its own line so it stands out of the JSON log.
  if (app.get(WebConsole).mounted) console.log(`\n  Web console: ${url}/\n`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
