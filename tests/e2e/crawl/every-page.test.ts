import { crawlEveryPage } from './crawl.ts';

crawlEveryPage();
