import { createRoot } from 'react-dom/client';
import 'uplot/dist/uPlot.min.css';
import { App } from './app';
import './styles.css';

createRoot(document.getElementById('root') as HTMLElement).render(<App />);
