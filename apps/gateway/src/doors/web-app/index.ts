export { WebAppModule, type WebAppModuleOptions } from './web-app.module';
