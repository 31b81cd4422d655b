package org.yiyue.demo;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * yth: login with the demo account, an in-memory session cookie, and the application flow
 * step1 (applicant) → step2 (materials, multipart) → step3 (confirm and submit) → receipt, each POST answered with
 * 303 to the next GET. Server-side validation answers 200 with the form, its values and Chinese error messages.
 */
final class YthRoutes implements Routes {

    static final String COOKIE = "YTHSESSIONID";
    static final String DEMO_USER = "demo";
    static final String DEMO_PASSWORD = "demo123";
    static final String DEMO_CAPTCHA = "2468";
    static final long MAX_FILE = 5L * 1024 * 1024;

    static final Map<String, String> MATTERS = new LinkedHashMap<>();

    static {
        MATTERS.put("jzz", "居住证申领");
        MATTERS.put("ybcb", "城乡居民基本医疗保险参保登记");
        MATTERS.put("gjjtq", "住房公积金提取（租房）");
        MATTERS.put("lnyd", "高龄老人津贴申领");
    }

    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern ID = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    /** What one signed-in user has entered so far. */
    static final class Session {
        final String user;
        volatile Map<String, String> applicant;
        volatile List<String[]> uploads; // {field label, file name, size}
        volatile String receipt;

        Session(String user) {
            this.user = user;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger receipts = new AtomicInteger();

    @Override
    public Optional<Reply> route(Request request, SiteResources site) throws IOException {
        String path = request.path();
        if (path.equals("/") && request.isGet()) {
            return Optional.of(Reply.redirect(302, "/index.html"));
        }
        if (path.equals("/login")) {
            return Optional.of(request.isPost() ? login(request, site)
                    : loginPage(site, "", request.query().containsKey("logout") ? "您已安全退出。" : "", ""));
        }
        if (path.equals("/logout")) {
            request.cookie(COOKIE).ifPresent(sessions::remove);
            return Optional.of(Reply.redirect(303, "/login?logout=1")
                    .header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"));
        }
        if (!path.startsWith("/apply/")) {
            return Optional.empty();
        }
        Session session = request.cookie(COOKIE).map(sessions::get).orElse(null);
        if (session == null) {
            return Optional.of(Reply.redirect(303, "/login"));
        }
        return switch (path) {
            case "/apply/" -> Optional.of(Reply.redirect(303, "/apply/step1"));
            case "/apply/step1" -> Optional.of(request.isPost() ? saveApplicant(request, session, site)
                    : applicantPage(site, session.applicant == null ? Map.of() : session.applicant, List.of()));
            case "/apply/step2" -> Optional.of(session.applicant == null ? Reply.redirect(303, "/apply/step1")
                    : request.isPost() ? saveMaterials(request, session, site) : materialsPage(site, List.of()));
            case "/apply/step3" -> Optional.of(session.uploads == null ? Reply.redirect(303, "/apply/step2")
                    : request.isPost() ? submit(request, session, site) : confirmPage(site, session, ""));
            case "/apply/receipt" -> Optional.of(session.receipt == null ? Reply.redirect(303, "/apply/step3")
                    : site.page(200, "/_tpl/receipt.html", Map.of("receipt", session.receipt,
                    "matter", SiteResources.escape(MATTERS.get(session.applicant.get("matter"))),
                    "name", SiteResources.escape(session.applicant.get("name")))));
            default -> Optional.of(site.notFound());
        };
    }

    private Reply login(Request request, SiteResources site) throws IOException {
        Map<String, String> f = request.form();
        String user = f.getOrDefault("username", "").strip();
        String password = f.getOrDefault("password", "");
        String captcha = f.getOrDefault("captcha", "").strip();
        if (user.isEmpty() || password.isEmpty()) {
            return loginPage(site, user, "", "请输入用户名和密码。");
        }
        if (!captcha.equals(DEMO_CAPTCHA)) {
            return loginPage(site, user, "", "验证码错误，请重新输入。");
        }
        if (!user.equals(DEMO_USER) || !password.equals(DEMO_PASSWORD)) {
            return loginPage(site, user, "", "用户名或密码错误。");
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        String sid = HexFormat.of().formatHex(id);
        sessions.put(sid, new Session(user));
        return Reply.redirect(303, "/apply/step1")
                .header("Set-Cookie", COOKIE + "=" + sid + "; Path=/; HttpOnly; SameSite=Lax");
    }

    private Reply loginPage(SiteResources site, String user, String notice, String error) {
        return site.page(200, "/_tpl/login.html", Map.of("username", SiteResources.escape(user),
                "notice", notice.isEmpty() ? "" : "<p class=\"notice\">" + notice + "</p>",
                "error", error.isEmpty() ? "" : "<p class=\"login-err\">" + error + "</p>"));
    }

    private Reply saveApplicant(Request request, Session session, SiteResources site) throws IOException {
        Map<String, String> f = request.form();
        Map<String, String> a = new LinkedHashMap<>();
        for (String k : List.of("matter", "name", "idNumber", "phone", "address")) {
            a.put(k, f.getOrDefault(k, "").strip());
        }
        a.put("idNumber", a.get("idNumber").toUpperCase(Locale.ROOT));
        List<String> errors = new ArrayList<>();
        if (!MATTERS.containsKey(a.get("matter"))) {
            errors.add("请选择申办事项。");
        }
        if (a.get("name").length() < 2 || a.get("name").length() > 30) {
            errors.add("请填写申请人姓名（2至30个字）。");
        }
        if (!validIdNumber(a.get("idNumber"))) {
            errors.add("身份证号格式不正确，请输入18位有效的居民身份证号码。");
        }
        if (!PHONE.matcher(a.get("phone")).matches()) {
            errors.add("手机号码格式不正确，请输入11位手机号码。");
        }
        if (a.get("address").isEmpty()) {
            errors.add("请填写联系地址。");
        }
        if (!errors.isEmpty()) {
            return applicantPage(site, a, errors);
        }
        session.applicant = a;
        session.uploads = null;
        session.receipt = null;
        return Reply.redirect(303, "/apply/step2");
    }

    /** 18 characters, a real birth date, and the ISO 7064 MOD 11-2 check character. */
    static boolean validIdNumber(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.parse(id.substring(6, 14),
                    DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT));
            if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now())) {
                return false;
            }
        } catch (DateTimeParseException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11) == id.charAt(17);
    }

    private Reply applicantPage(SiteResources site, Map<String, String> a, List<String> errors) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String k : List.of("name", "idNumber", "phone", "address")) {
            v.put(k, SiteResources.escape(a.getOrDefault(k, "")));
        }
        StringBuilder options = new StringBuilder("<option value=\"\">请选择</option>");
        MATTERS.forEach((code, label) -> options.append("<option value=\"").append(code).append('"')
                .append(code.equals(a.get("matter")) ? " selected" : "").append('>').append(label).append("</option>"));
        v.put("matterOptions", options.toString());
        v.put("errors", errorList(errors));
        return site.page(200, "/_tpl/step1.html", v);
    }

    private Reply saveMaterials(Request request, Session session, SiteResources site) throws IOException {
        List<Forms.Part> parts = Forms.parseMultipart(request.header("Content-Type").orElse(null), request.body());
        List<String> errors = new ArrayList<>();
        List<String[]> uploads = new ArrayList<>();
        Map<String, String> labels = Map.of("idCopy", "居民身份证复印件", "photo", "近期免冠照片", "other", "其他材料");
        boolean hasId = false;
        for (Forms.Part p : parts) {
            if (p.filename() == null || p.filename().isEmpty() || !labels.containsKey(p.name())) {
                continue;
            }
            String file = p.filename().replaceAll(".*[/\\\\]", "");
            String ext = file.contains(".") ? file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            if (!List.of("pdf", "jpg", "jpeg", "png").contains(ext)) {
                errors.add("“" + file + "”格式不支持，仅支持 PDF、JPG、PNG 文件。");
            } else if (p.content().length == 0) {
                errors.add("“" + file + "”是空文件，请重新选择。");
            } else if (p.content().length > MAX_FILE) {
                errors.add("“" + file + "”超过 5MB，请压缩后上传。");
            } else {
                uploads.add(new String[]{labels.get(p.name()), file, String.valueOf(p.content().length)});
                hasId |= p.name().equals("idCopy");
            }
        }
        if (!hasId && errors.isEmpty()) {
            errors.add("请上传居民身份证复印件。");
        }
        if (!errors.isEmpty()) {
            return materialsPage(site, errors);
        }
        session.uploads = uploads;
        session.receipt = null;
        return Reply.redirect(303, "/apply/step3");
    }

    private Reply materialsPage(SiteResources site, List<String> errors) {
        return site.page(200, "/_tpl/step2.html", Map.of("errors", errorList(errors)));
    }

    private Reply confirmPage(SiteResources site, Session s, String error) {
        StringBuilder files = new StringBuilder();
        for (String[] u : s.uploads) {
            files.append("<tr><td>").append(SiteResources.escape(u[0])).append("</td><td>")
                    .append(SiteResources.escape(u[1])).append("</td><td>").append(u[2]).append(" 字节</td></tr>");
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("matter", SiteResources.escape(MATTERS.get(s.applicant.get("matter"))));
        for (String k : List.of("name", "phone", "address")) {
            v.put(k, SiteResources.escape(s.applicant.get(k)));
        }
        String id = s.applicant.get("idNumber");
        v.put("idNumber", id.substring(0, 6) + "********" + id.substring(14));
        v.put("files", files.toString());
        v.put("errors", error.isEmpty() ? "" : errorList(List.of(error)));
        return site.page(200, "/_tpl/step3.html", v);
    }

    private Reply submit(Request request, Session s, SiteResources site) throws IOException {
        if (!"1".equals(request.form().get("agree"))) {
            return confirmPage(site, s, "请阅读并勾选《申请人承诺书》后再提交。");
        }
        if (s.receipt == null) {
            s.receipt = "441600-" + LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                    + String.format("%06d", receipts.incrementAndGet());
        }
        return Reply.redirect(303, "/apply/receipt");
    }

    private static String errorList(List<String> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<div class=\"err-box\"><ul>");
        errors.forEach(e -> out.append("<li>").append(SiteResources.escape(e)).append("</li>"));
        return out.append("</ul></div>").toString();
    }
}
