from publisher.cli import program

program()
