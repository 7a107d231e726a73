package org.discretion.rules.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The legal officers' page in a real browser: Debian's headless Chromium driven by Selenium against the service on
 * a random localhost port. Loads the page, evaluates the tax example end to end through the form, checks the
 * handling and a citation shown, checks that a bad value shows that field's error, browses a list, and saves
 * screenshots under target/screenshots. Skips (saying why) only when chromium or chromedriver is absent outside CI;
 * in CI (CI=true) their absence fails.
 */
class BrowserTest extends ServerTestBase {
    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    static final Path SHOTS = Path.of("target/screenshots");
    static WebDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present) {
            String why = "browser test needs " + CHROMIUM + " and " + DRIVER
                    + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) fail(why);
            Assumptions.abort(why);
        }
        Files.createDirectories(SHOTS);
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,2400", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) driver.quit();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private void shot(String name) throws IOException {
        Path f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(f, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void type(String name, String value) {
        WebElement e = driver.findElement(By.name(name));
        e.clear();
        e.sendKeys(value);
    }

    private void choose(String name, String value) {
        new Select(driver.findElement(By.name(name))).selectByValue(value);
    }

    @Test
    void evaluatesACaseShowsTheBasisAndAFieldErrorAndBrowsesAList() throws IOException {
        driver.get(url("/"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "已载入"));

        // pick the item by searching its provision
        type("id", "页面-税-017");
        driver.findElement(By.id("item-search")).sendKeys("银行账号");
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#item-list li[data-item='TAX-1']"))).click();
        assertThat(driver.findElement(By.name("item")).getAttribute("value")).isEqualTo("TAX-1");

        choose("party.type", "ORGANIZATION");
        type("actDate", "2024-03-05");
        type("discoveryDate", "2024-03-20");
        type("decisionDate", "2024-04-02");
        choose("firstOffense", "true");
        choose("correction", "WITHIN_DEADLINE");
        choose("harm", "MINOR");
        assertThat(new Select(driver.findElement(By.name("severity"))).getFirstSelectedOption().getText()).isEqualTo("未知");
        driver.findElement(By.id("evaluate-button")).click();

        WebElement handling = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("handling")));
        assertThat(handling.getAttribute("data-handling")).isEqualTo("NO_PENALTY");
        assertThat(handling.getText()).contains("不予行政处罚").contains("应当");
        assertThat(driver.findElement(By.id("basis")).getText())
                .contains("《税务行政处罚“首违不罚”事项清单》（国家税务总局公告2021年第6号）第1项")
                .contains("OFFICIAL");
        assertThat(driver.findElement(By.id("explanation")).getText()).contains("不予行政处罚");
        assertThat(driver.findElement(By.id("why-not")).getText()).contains("不予处罚事项清单");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        shot("decision");

        // a bad value: the field shows its own error
        type("actDate", "2024-13-45");
        driver.findElement(By.id("evaluate-button")).click();
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".field-error[data-error-for='actDate']")));
        assertThat(error.getText()).contains("actDate");
        assertThat(driver.findElement(By.name("actDate")).getAttribute("class")).contains("invalid");
        shot("field-error");

        // browse the lists in the 附件2 columns
        driver.findElement(By.id("tab-browse")).click();
        new Select(driver.findElement(By.id("browse-select"))).selectByValue("tax_first_2021");
        WebElement tables = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("browse-tables")));
        assertThat(tables.getText()).contains("序号").contains("纳税人未按照税收征收管理法及实施细则等有关规定将其全部银行账号向税务机关报送");
        assertThat(driver.findElement(By.id("browse-status")).getText()).isNotBlank();
        assertThat(driver.findElements(By.cssSelector("#browse-downloads a"))).hasSize(4);
        shot("browse");
    }
}
