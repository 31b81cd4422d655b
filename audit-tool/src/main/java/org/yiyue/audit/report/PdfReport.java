package org.yiyue.audit.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * PDF through Chromium's own print: the HTML report is opened from disk and printed with a document outline
 * (bookmarks from the headings) and PDF tags when the DevTools protocol allows it, else with WebDriver print().
 */
public final class PdfReport {

    private PdfReport() {
    }

    public static void print(WebDriver driver, Path html, Path pdf) throws IOException {
        driver.get(html.toAbsolutePath().toUri().toString());
        byte[] bytes;
        try {
            Map<String, Object> r = ((HasCdp) driver).executeCdpCommand("Page.printToPDF", Map.of(
                    "printBackground", true, "preferCSSPageSize", true, "generateDocumentOutline", true,
                    "generateTaggedPDF", true, "paperWidth", 8.27, "paperHeight", 11.69));
            bytes = Base64.getDecoder().decode(String.valueOf(r.get("data")));
        } catch (RuntimeException e) {
            PrintOptions o = new PrintOptions();
            o.setBackground(true);
            bytes = Base64.getDecoder().decode(((RemoteWebDriver) driver).print(o).getContent());
        }
        Files.write(pdf, bytes);
    }
}
