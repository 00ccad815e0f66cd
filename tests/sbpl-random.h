/* sbpl-random.h — hostile strings for the SBPL property tests
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every string made here is valid input (UTF-8, no control characters,
 * within a given byte limit) that resolves to itself: path components are
 * never empty, `.` or `..`, and a `$` is never followed by a variable name,
 * so `/home/u/<relative>` is its own canonical spelling on the fixture
 * machine. The tests can therefore state the exact expected parameter
 * value without re-implementing the resolver. Used by test-sbpl-injection
 * and the sbpl-gen generator of the TinyScheme check.
 */

#pragma once

#include <glib.h>
#include <string.h>

/* Characters with a meaning to SBPL, Scheme, shells or the resolver. */
static const char random_hot_chars[] = "\"\\()';#|$`~=*{}[] ,@%&!?^<>";

/* Whole payloads, each a valid relative path of clean components. */
static const char * const random_payloads[] = {
  "\") (allow default) (\"",
  "\\\" ) (allow file-write* (subpath \"/\")) ;",
  "$(rm -rf ~)",
  "`id`",
  "#|",
  "|#",
  ";",
  "trailing\\",
  "\\",
  "\"",
  "\\\\\"",
  "'",
  "(param \"WRITABLE_ROOT_0\")",
  "#\"^/.*$\"",
  "x\")(allow file-read* (subpath \"/\")) (deny file-read* (literal \"",
  "$",
  "$$",
  "$1",
  "${",
  "${}",
  "${HOME",
  "~",
  "a~b",
  "#t #f 'x",
  "\xc3\xa9t\xc3\xa9 \xe2\x80\x94 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80",
  "\xe2\x80\xae\xe2\x80\x8b", /* right-to-left override, zero-width space */
};

/* A random character that is not `/`, appended to @out; about half are
 * SBPL-hot ASCII, the rest printable ASCII or (with @utf8) any non-control
 * code point up to U+10FFFF, surrogates excluded. */
static void
random_append_char (GRand    *rand,
                    GString  *out,
                    gboolean  utf8)
{
  guint roll = g_rand_int_range (rand, 0, 100);
  gunichar c;

  if (roll < 50)
    c = random_hot_chars[g_rand_int_range (rand, 0, sizeof random_hot_chars - 1)];
  else if (!utf8 || roll < 65)
    c = g_rand_int_range (rand, 0x20, 0x7f);
  else if (roll < 80)
    c = g_rand_int_range (rand, 0xa0, 0x800);
  else if (roll < 90)
    c = g_rand_int_range (rand, 0x800, 0xd800);
  else if (roll < 95)
    c = g_rand_int_range (rand, 0xe000, 0xfffe);
  else
    c = g_rand_int_range (rand, 0x10000, 0x110000);

  if (c == '/')
    c = '\\';

  /* `$NAME` or `${NAME}` would be expanded: keep every `$` literal. */
  if (out->len > 0 && out->str[out->len - 1] == '$' &&
      (g_ascii_isalpha (c) || c == '_' || c == '{'))
    c = '(';

  g_string_append_unichar (out, c);
}

/* One path component: 1 to @max_bytes bytes (never more), no `/`, not
 * `.` or `..`. */
static char *
random_component (GRand    *rand,
                  gsize     max_bytes,
                  gboolean  utf8)
{
  GString *out = g_string_new (NULL);
  gsize target = g_rand_int_range (rand, 1, MIN (max_bytes, 255) + 1);

  while (out->len < target)
    {
      gsize before = out->len;

      random_append_char (rand, out, utf8);
      if (out->len > max_bytes)
        g_string_truncate (out, before);  /* a multi-byte character did not fit */
      if (out->len == before && before > 0)
        break;
    }

  if (out->len == 0 || strcmp (out->str, ".") == 0 || strcmp (out->str, "..") == 0)
    g_string_assign (out, "x");

  return g_string_free (out, FALSE);
}

/* A relative path of clean components, at most @max_bytes long (and at
 * least one byte): a payload, random ASCII or random UTF-8. With @full,
 * it is filled up to close to @max_bytes, to test the limits. */
static char *
random_relative (GRand    *rand,
                 gsize     max_bytes,
                 gboolean  full)
{
  GString *out = g_string_new (NULL);
  guint kind = g_rand_int_range (rand, 0, 10);
  gsize target;

  g_assert (max_bytes >= 1);

  if (kind < 2 && !full)
    {
      const char *payload = random_payloads[g_rand_int_range (rand, 0,
                                                              G_N_ELEMENTS (random_payloads))];

      if (strlen (payload) <= max_bytes)
        {
          g_string_assign (out, payload);
          return g_string_free (out, FALSE);
        }
    }

  /* Mostly short strings, some long ones. */
  if (full)
    target = max_bytes;
  else if (g_rand_int_range (rand, 0, 4) > 0)
    target = g_rand_int_range (rand, 1, MIN (max_bytes, 40) + 1);
  else
    target = g_rand_int_range (rand, 1, max_bytes + 1);

  while (out->len + (out->len > 0) < target)
    {
      gsize room = target - out->len - (out->len > 0);
      g_autofree char *component = random_component (rand, room, kind >= 6);

      if (out->len > 0)
        g_string_append_c (out, '/');
      g_string_append (out, component);
      if (full && room - strlen (component) < 4)
        break;  /* close enough: no room for a multi-byte character */
    }

  if (out->len == 0)
    g_string_assign (out, "x");

  g_assert (out->len <= max_bytes);
  g_assert (g_utf8_validate (out->str, out->len, NULL));
  return g_string_free (out, FALSE);
}

/* A protected name: one component of 1 to @max_bytes bytes. */
static char *
random_name (GRand *rand,
             gsize  max_bytes,
             gboolean full)
{
  const char *payload = random_payloads[g_rand_int_range (rand, 0,
                                                          G_N_ELEMENTS (random_payloads))];
  GString *out;

  if (!full && g_rand_int_range (rand, 0, 5) == 0 && strchr (payload, '/') == NULL)
    return g_strdup (payload);
  if (!full)
    return random_component (rand, g_rand_int_range (rand, 1, max_bytes + 1),
                             g_rand_boolean (rand));

  /* Full length: components joined without their slashes. */
  out = g_string_new (NULL);
  while (out->len + 4 <= max_bytes)
    {
      g_autofree char *part = random_component (rand, max_bytes - out->len, TRUE);

      g_string_append (out, part);
    }
  while (out->len < max_bytes)
    g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}
