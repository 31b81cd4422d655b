/* demo-sites test fixture: stands in for the injector-script bundle to prove the /a11y/ route serves classpath files */
window.__yiyueFixture = "\u6613\u9605";
