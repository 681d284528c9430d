// The DataSource the TypeORM CLI uses (npm run migration:generate|run|revert); the app builds the same one.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';

export default new DataSource(dataSourceOptions(loadConfig().databaseUrl, { applicationName: 'frirom-cli' }));
