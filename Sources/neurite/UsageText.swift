/// Texts printed by `--help` and `--version`.
enum UsageText {
    static let version = "neurite 0.1.0"

    static let usage = """
        usage: neurite [--no-color] [--images MODE] [FILE.nn [--keep-going] [--notebook OUT] [--watch] | -e CODE]
        """

    static let help = """
        neurite: a notebook-style scripting REPL for exploring neural networks.

        \(usage)

          neurite              open the interactive REPL (reads a script when stdin is not a terminal)
          neurite FILE.nn      run a saved script
          neurite -e CODE      evaluate CODE and print the value of its last expression
          neurite < FILE.nn    run standard input as the REPL would, without prompts
          neurite -            the same, even when standard input is a terminal

        options:
          -e, --eval CODE      evaluate CODE
          --no-color           no colour (also when NO_COLOR is set, or output is not a terminal)
          --images MODE        plots as pictures: auto kitty sixel iterm off (default auto: ask the
                               terminal; also NEURITE_IMAGES); text when off, piped or without colour
          --keep-going         run a script's cells (#%% …) on after one fails; exit status 1 at the end
          --notebook OUT       after the script, write it with its outputs as a notebook: OUT.md
                               (Markdown, plots as SVG in OUT_files/) or OUT.ipynb (Jupyter, PNG plots)
          --ipynb OUT          the same, always as a Jupyter notebook
          --watch              run the script as a reactive notebook, then after each save run again
                               exactly the cells that changed and those depending on them (with
                               --notebook/--ipynb: rewritten after each successful run); Ctrl-C
                               stops a cell, Ctrl-C twice or q and Enter leaves
          -h, --help           show this help
          --version            show the version

        exit status: 0 success, 1 an error in the script, 2 bad usage (including a missing script)

        """
}
