from tahapan.cli import main

main()
