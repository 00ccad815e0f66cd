/* sandbar-summary.h — a policy described in plain words
 *
 * Copyright 2026 The Sandbar authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sandbar-backend.h"
#include "sandbar-policy.h"

G_BEGIN_DECLS

/**
 * SandbarSummary:
 * @text: what the policy allows, in one paragraph of plain words
 * @backend: (nullable): the sandbox program whose @limits these are,
 *   e.g. `bwrap`; %NULL when there was no backend to ask
 * @limits: (element-type utf8): what that program cannot enforce of the
 *   policy on this system, one sentence each; possibly none
 */
typedef struct
{
  char      *text;
  char      *backend;
  GPtrArray *limits;
} SandbarSummary;

gboolean        sandbar_summary_is_root_equivalent_socket (const char           *canonical);
SandbarSummary *sandbar_summary_new                       (SandbarProfile        *profile,
                                                           SandbarPolicy         *policy,
                                                           SandbarBackend        *backend);
char           *sandbar_summary_to_text                   (const SandbarSummary *summary);
void            sandbar_summary_free                      (SandbarSummary       *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SandbarSummary, sandbar_summary_free)

G_END_DECLS
