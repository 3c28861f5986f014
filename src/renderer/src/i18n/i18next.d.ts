import 'i18next';
import type { enResources } from './en';

type Features = Exclude<keyof typeof enResources, 'common'>;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    fallbackNS: Features[];
    resources: typeof enResources;
  }
}
