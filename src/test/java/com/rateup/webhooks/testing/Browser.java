package com.rateup.webhooks.testing;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromium-driver (both installed by
 * src/test/browser/chromium.sh), pointed at the application under test.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("chromium.driver", "/usr/bin/chromedriver");
    private static final Path AXE = Path.of(System.getProperty("node.dir", "src/test/node"), "node_modules/axe-core/axe.min.js");

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 1000;

    private final ChromeDriver driver;
    private final String base;

    public Browser(URL deployment) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=" + WIDTH + "," + HEIGHT, "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.base = new Api(deployment).base().toString().replaceAll("/$", ""); // the listener's address, not the advertised one
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** The element's text; retried while the page is still being replaced. */
    public String text(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    public boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public void type(String css, String value) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(value);
    }

    /** Clicks and waits for the page that follows to be loaded. */
    public void click(String css) {
        WebElement element = find(css);
        element.click();
        awaitNextPage(element);
    }

    private void awaitNextPage(WebElement old) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(d -> isGone(old));
        wait.until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }

    private static boolean isGone(WebElement old) {
        try {
            old.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException nodeOfAnOldDocument) {
            // while the next page replaces the old one, Chromium may answer "Node with given id does not
            // belong to the document" instead of a stale element: the element is just as gone
            return nodeOfAnOldDocument.getMessage() != null && nodeOfAnOldDocument.getMessage().contains("does not belong to the document");
        }
    }

    public void clickLink(String text) {
        WebElement link = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.linkText(text)));
        link.click();
        awaitNextPage(link);
    }

    public void login(String username, String password) {
        open("/login.xhtml");
        type("#login\\:username", username);
        type("#login\\:password", password);
        click("#login\\:submit");
    }

    public void logout() {
        if (has("#signout\\:logout")) {
            click("#signout\\:logout");
        }
        driver.manage().deleteAllCookies();
    }

    /**
     * As a newly started browser, without the start (about 3 s of Chromium and its driver): no
     * cookies, no dialog left open, the start's window size, an empty page.
     */
    public void reset() {
        try {
            driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException none) {
            // the usual case
        }
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of()); // every site's, not only the current page's
        size(WIDTH, HEIGHT);
    }

    public void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * The serious and critical accessibility violations that axe-core (src/test/node, installed by npm ci)
     * finds on the current page, one line per element: rule, element, what is wrong.
     */
    public List<String> accessibilityViolations() throws IOException {
        driver.executeScript(Files.readString(AXE)); // through the driver, so the page's Content-Security-Policy does not apply
        Object found = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                    .then(result => done(result.violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' ') + ': ' + n.failureSummary))))
                    .catch(e => done(['axe-core failed: ' + e]));""");
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Saves a screenshot of the whole page under {@code screenshots.dir} (docs/images), if set. */
    public void screenshot(String name) throws IOException {
        String dir = System.getProperty("screenshots.dir");
        if (dir == null) {
            return;
        }
        long height = (Long) script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(Math.max(height + 40, 600), 2400)));
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = Path.of(dir, name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(before);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
