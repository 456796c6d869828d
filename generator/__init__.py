"""briefing: a static briefing-site generator (content/ -> bilingual MkDocs site).

The packages are the pipeline's stages; each imports only from those above it
in this list (tests/test_layout.py checks it, and that no import circle is left):

    core/      shared and small: diagnostics, project, timings, forks (the one
               way to hand data to worker processes), lock, writer (5 write),
               stored, dates (today), urls (every URL rule, the edition root),
               sitesize (a built site's files and bytes)
    content/   1 load, 2 validate: model, sourcefile, yamlnodes, schema,
               reading, contentwalk, pairs, loader, validate, datelines
    text/      Arabic normalisation, markup, the name matcher, search forms,
               eventverbs (a sentence's meeting, call or visit verb)
    linking/   3 link: linked (the linked model), link, names, events, relations
    pictures/  who met whom, when and where, drawn: graph (the interaction
               graph, pure), layout (igraph, seeded), svg (escaped primitives,
               rounded numbers), networks, charts, worldmap; model in, SVG
               text out, below views so that the view models place figures
    views/     4a view models: parts (PageView and shared items), pages
               (briefings), profiles, actor_lists (an actor's briefings and
               events in pages of bounded length), timeline_pages, network_pages,
               figures (what each picture shows, named and linked), edition, i18n
    output/    4b render, search documents and the sharded index, exports
    engine/    6 engine (MkDocs or ProperDocs): choice (which engine), adapter
               (config, staging folders, swap), configfile (mkdocs.yml as
               data), runs, mkdocs_run (the engine's process), mkdocs_hooks,
               page_memo, htmlspace (page HTML without indentation); the only
               package that imports MkDocs
    (top)      cli, build (the stages in order), buildstate, editions,
               publish, serve, status, scaffold, drafting (what a pasted
               article's text shows, proposed by `new briefing --from-file`),
               suggesting (what a briefing's text shows but its front matter
               lacks, `suggest`), suggestwrite (`suggest --write`)

Where this differs from the issue's sketch, and why:
- writer sits in core/: stage 5 is a few file operations, used by the
  editions, the stored work and the hooks alike.
- urls sits in core/, not views/: linking makes links in the text with it,
  and the engine and exports need the edition root, so it must sit below them.
- i18n sits in views/: the engine's config (below nothing it imports) takes
  edition names and strings from it, and views is below engine.
- buildstate (what a rebuild reuses) stays at the top: it stores the loader's,
  the linker's and the renderer's caches, so it sits above all three.
- the name checks (validate_names) live in linking/names.py, not in
  content/validate.py: they need the actors' name patterns, a linking matter.
- engine.py became engine/adapter.py and engine_runs.py engine/runs.py: a
  module cannot share its name with the package.
"""

__version__ = "0.1.0"
