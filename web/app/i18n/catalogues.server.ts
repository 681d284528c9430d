import en from './en.json';
import { addCatalogue } from './i18n';
import nb from './nb.json';

// The server renders every page in either language: both catalogues, held from the start.
addCatalogue('nb', nb);
addCatalogue('en', en);
