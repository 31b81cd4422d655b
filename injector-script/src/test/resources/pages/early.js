window.__early = { text: document.documentElement.getAttribute('data-yiyue-text'), scheme: document.documentElement.getAttribute('data-yiyue-scheme'), body: !!document.body };
