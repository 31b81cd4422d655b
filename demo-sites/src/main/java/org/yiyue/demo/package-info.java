/**
 * Replica government sites for 河源 (our own content) and the plain-Java origin server that serves them, one
 * loopback port per site like separate hosts.
 *
 * <p>Public API: {@link org.yiyue.demo.ReplicaSites} (start, origins, close), {@link org.yiyue.demo.ReplicaCatalog}
 * (sites.json and defects.json as records) and the command line {@link org.yiyue.demo.ReplicaSitesMain}. Everything
 * else is package-private: routing ({@code SiteServer}, {@code *Routes}), safe paths ({@code PathGuard}), site files
 * with server-side includes and GBK transcoding ({@code SiteResources}), form and multipart decoding ({@code Forms}).
 *
 * <p>Site files live in {@code src/main/resources/sites/<id>/}; {@code _inc}, {@code _tpl} and {@code _data} folders are
 * server-only. Pages are UTF-8 sources; a page declaring {@code <meta charset="gb2312">} is sent as GBK bytes.
 * {@code {{ORIGIN}}} in any text response becomes the site's origin, in bytes, at serve time.
 */
package org.yiyue.demo;
