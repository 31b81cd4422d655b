package org.yiyue.audit.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium for the audit (one per browser worker) through /usr/bin/chromedriver (Selenium Manager never
 * runs), with a fresh profile deleted on close. The browser is Debian's chromium-headless-shell when installed
 * ({@value #HEADLESS_SHELL}), else /usr/bin/chromium in its new headless mode; {@code -Dyiyue.chromium} names another.
 * The shell is Chromium's own headless build (the same Blink, without the browser's UI layer): measured on the 40
 * replica pages it spends about half the browser process's CPU of the full browser (211 vs 423 ms per page, the
 * whole audit 1,436 vs 1,790, load 11-14) with the same findings. With loopbackOnly every
 * host but 127.0.0.1/localhost resolves to nothing, so an audit of local sites cannot reach the internet.
 */
public final class AuditBrowser implements AutoCloseable {

    /**
     * Debian's chromium-headless-shell package, preferred when present: its binary itself, not the /usr/bin wrapper
     * script, which runs it as a child without exec (chromedriver ending the wrapper after a failed start would leave
     * the browser running).
     */
    public static final String HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";
    public static final int DESKTOP_WIDTH = 1280;
    public static final int DESKTOP_HEIGHT = 900;
    /** A phone in portrait, as the MIIT mobile items assume. */
    public static final Map<String, Object> MOBILE_METRICS = Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true);

    private final ChromeDriver driver;
    private final Path profile;

    private AuditBrowser(ChromeDriver driver, Path profile, boolean loopbackOnly) {
        this.driver = driver;
        this.profile = profile;
        this.loopbackOnly = loopbackOnly;
    }

    /** Whether every host but 127.0.0.1/localhost is unreachable from this browser (fixed at start). */
    public boolean loopbackOnly() {
        return loopbackOnly;
    }

    /**
     * Makes a used browser like a freshly started one for the next site audit, without Chromium's start-up: windows
     * the pages opened are closed, the tab shows about:blank, and cookies, the HTTP cache, the storage of every origin
     * audited (local and session storage, IndexedDB, service workers, cache storage) and the device emulation are
     * cleared. The document-start scripts of {@link PageRecorder} stay (they are the audit's own). Throws if the
     * browser no longer answers (the caller then closes it).
     */
    public void reset(Duration pageTimeout) {
        String own = driver.getWindowHandle();
        java.util.Set<String> mine = ownWindows();
        for (String h : new java.util.ArrayList<>(driver.getWindowHandles())) {
            if (!h.equals(own) && !mine.contains(h)) {
                driver.switchTo().window(h).close();
            } else if (!h.equals(own)) {
                // a window of the audit's own where pages waited: kept for the next audit, blank
                driver.switchTo().window(h);
                driver.get("about:blank");
                channel().cdp("Emulation.clearDeviceMetricsOverride", Map.of());
            }
        }
        driver.switchTo().window(own);
        mine.retainAll(driver.getWindowHandles());
        mine.add(own);
        try {
            java.net.URI current = java.net.URI.create(driver.getCurrentUrl());
            if (current.getScheme() != null && current.getScheme().startsWith("http")) {
                visited.add(current.getScheme() + "://" + current.getAuthority());
            }
        } catch (IllegalArgumentException ignored) {
            // an address that is no URI has no storage to clear
        }
        driver.get("about:blank");
        PageChannel page = channel();
        page.cdp("Emulation.clearDeviceMetricsOverride", Map.of());
        page.cdp("Network.clearBrowserCookies", Map.of());
        page.cdp("Network.clearBrowserCache", Map.of());
        for (String origin : visited) {
            page.cdp("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
        visited.clear();
        cookieOrigins.clear();
        driver.manage().timeouts().pageLoadTimeout(pageTimeout);
        driver.manage().window().setSize(new Dimension(DESKTOP_WIDTH, DESKTOP_HEIGHT));
    }

    public static AuditBrowser start(boolean loopbackOnly, Duration pageTimeout) {
        String binary = System.getProperty("yiyue.chromium", new File(HEADLESS_SHELL).canExecute() ? HEADLESS_SHELL : "/usr/bin/chromium");
        boolean shell = binary.contains("headless-shell");
        String chromedriver = System.getProperty("yiyue.chromedriver", "/usr/bin/chromedriver");
        if (!new File(binary).canExecute() || !new File(chromedriver).canExecute()) {
            throw new IllegalStateException("Chromium not found (" + binary + ", " + chromedriver
                    + "): install it with apt-get install -y chromium-headless-shell chromium-driver, or use --static-only");
        }
        Path profile = null; // the shell's profile is chromedriver's own temporary folder (below)
        if (!shell) {
            try {
                profile = Files.createTempDirectory("yiyue-audit-chrome-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(binary);
        if (!shell) {
            o.addArguments("--headless=new"); // the shell is headless by itself
        }
        o.addArguments("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--lang=zh-CN", "--hide-scrollbars", "--mute-audio",
                // autoplay as a visitor who already interacted with the site would get it (1.4.2 check; sound stays muted)
                "--autoplay-policy=no-user-gesture-required",
                // one page after another in the same renderer process, as before back/forward caching: without these
                // Chromium starts a renderer (and a new frame host) for every page loaded, about 40 % of a page
                // load's CPU on the replica pages (measured with the benchmark's probe); the audit never goes back
                "--disable-features=BackForwardCache,ProactivelySwapBrowsingInstance,RenderDocument",
                // V8 without its optimising compilers (Maglev, TurboFan), baseline code (Sparkplug) only: a page is
                // audited for a few seconds, too short for optimised code to pay back its compilation on the
                // renderer's worker threads. Measured (benchmark, 40 replica pages, 1 worker): axe-core step 264 -> 153
                // CPU-ms per page, renderer 708 -> 582; --no-maglev (TurboFan only) and --max-opt=0 (interpreter
                // only) saved less. JavaScript gives the same results at every tier
                "--js-flags=--max-opt=1",
                "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT);
        if (profile != null) {
            // not for the shell: given a profile folder it opens no first page and chromedriver 156 then fails with
            // "unable to discover open pages"; without one chromedriver makes a temporary profile and removes it on quit
            o.addArguments("--user-data-dir=" + profile.toAbsolutePath());
        }
        if (loopbackOnly) {
            o.addArguments("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        try {
            // its scripts and DevTools commands go over a DevTools socket of the audit's own (PageChannel), closed on quit
            ChromeDriver d = PageChannel.start(service, o);
            d.manage().timeouts().pageLoadTimeout(pageTimeout);
            d.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            d.manage().window().setSize(new Dimension(DESKTOP_WIDTH, DESKTOP_HEIGHT));
            AuditBrowser b = new AuditBrowser(d, profile, loopbackOnly);
            b.ownWindows().add(d.getWindowHandle());
            return b;
        } catch (RuntimeException e) {
            deleteTree(profile);
            throw new IllegalStateException("Chromium did not start: " + e.getMessage(), e);
        }
    }

    private final java.util.Set<String> cookieOrigins = new java.util.HashSet<>();
    /** Origins of the pages audited in this browser: their storage is cleared when it is {@linkplain #reset() reset}. */
    private final java.util.Set<String> visited = new java.util.LinkedHashSet<>();
    private final boolean loopbackOnly;

    /**
     * Sets the session cookies for the page's origin once (the browser must visit the origin to set them). Called
     * before each page is loaded: it also notes the page's origin for {@link #reset()}.
     */
    public void cookiesFor(java.net.URI page, Map<String, String> cookies) {
        String origin = page.getScheme() + "://" + page.getAuthority();
        visited.add(origin);
        if (cookies.isEmpty()) {
            return;
        }
        if (cookieOrigins.add(origin)) {
            driver.get(origin + "/robots.txt");
            cookies.forEach((k, v) -> driver.manage().addCookie(new org.openqa.selenium.Cookie(k, v, "/")));
        }
    }

    /**
     * The windows the audit itself opened (the first one, and those where a page waits for its timers while another
     * page is audited), per driver: a check that closes the windows a page opened (pop-ups) must leave these.
     */
    private static final Map<org.openqa.selenium.WebDriver, java.util.Set<String>> OWN_WINDOWS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Whether the window is one of the audit's own (not a pop-up a page opened). */
    public static boolean ownWindow(org.openqa.selenium.WebDriver driver, String handle) {
        java.util.Set<String> own = OWN_WINDOWS.get(driver);
        return own != null && own.contains(handle);
    }

    private java.util.Set<String> ownWindows() {
        return OWN_WINDOWS.computeIfAbsent(driver, d -> java.util.concurrent.ConcurrentHashMap.newKeySet());
    }

    /**
     * Makes a window of the audit's own that none of {@code busy} (windows where pages wait) is the current one: the
     * current window when it is such, else another, else a new one (a separate window, not a tab: in Chromium's new
     * headless mode a tab hidden behind another is blurred and hidden, and its animation frames stop; the headless
     * shell keeps both kinds visible). Every window of the audit's opens at the desktop size.
     */
    public void freeWindow(java.util.Collection<String> busy) {
        java.util.Set<String> own = ownWindows();
        String current = null;
        try {
            current = channel().window();
        } catch (org.openqa.selenium.NoSuchWindowException e) {
            // closed (a page's pop-up that closed itself): another window below
        }
        if (current != null && own.contains(current) && !busy.contains(current)) {
            return;
        }
        java.util.Set<String> open = driver.getWindowHandles();
        own.retainAll(open);
        for (String h : own) {
            if (!busy.contains(h)) {
                driver.switchTo().window(h);
                return;
            }
        }
        driver.switchTo().newWindow(org.openqa.selenium.WindowType.WINDOW);
        own.add(driver.getWindowHandle());
        driver.manage().window().setSize(new Dimension(DESKTOP_WIDTH, DESKTOP_HEIGHT));
        // a window WebDriver opens is not the focused one in Chromium's new headless mode (document.hasFocus() false):
        // the page audited there must behave as in the first window. The headless shell focuses every window by
        // itself: there the window is left as the first one is, without emulation
        if (!Boolean.TRUE.equals(channel().script("return document.hasFocus();"))) {
            channel().cdp("Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
        }
    }

    /** Replaces the page in the current window by about:blank: a finished page's scripts stop taking the processor. */
    public void blank() {
        driver.get("about:blank");
    }

    /** Whether the browser still answers a WebDriver command (a crashed Chromium or chromedriver does not). */
    public boolean alive() {
        try {
            driver.getWindowHandle();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Runs page scripts and DevTools commands in this browser's current window ({@link PageChannel}). */
    public PageChannel channel() {
        return PageChannel.of(driver);
    }

    public String version() {
        Object v = driver.getCapabilities().getCapability("browserVersion");
        boolean shell = "chrome-headless-shell".equals(driver.getCapabilities().getBrowserName());
        return (shell ? "Chromium headless shell " : "Chromium ") + (v == null ? "?" : v);
    }

    @Override
    public void close() {
        // An interrupted worker (Ctrl+C, another worker failing) must still end the browser: with the flag set,
        // Selenium's call to chromedriver fails at once and chromedriver outlives the audit. The flag is set again after.
        boolean interrupted = Thread.interrupted();
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // a browser that already died is closed enough
        } finally {
            deleteTree(profile);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // leftover temp files are harmless
        }
    }
}
