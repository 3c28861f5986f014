// First: zod's settings, before any module parses a schema.
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
// Ant Design's styles, made at build time (scripts/antd-static-style.ts), before the app's own.
import 'virtual:antd.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/forms.css';
import './styles/antd-controls.css';
import './styles/customers.css';
import './styles/import.css';
import './styles/settings.css';
import './styles/boards.css';
import './styles/deals.css';
import './styles/products.css';
import './styles/dashboard.css';
import './styles/followups.css';
import './styles/quotations.css';
import { App } from './app/app';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
