window.weaveSearchIndex={"lessons":[["a-first.html","First lesson"],["b-second.html","Second lesson"],["z-no-front-matter.html","Untitled notes"]],
"sections":[[0,"ignored-for-the-title","First lesson"],[1,"words","Words"],[2,"untitled-notes","Untitled notes"]],
"words":{"bold":[1],"cell":[1],"comes":[2],"front":[2],"heading":[2],"ignored":[0],"last":[2],"link":[1],"matter":[2],"no":[2],"notes":[2],"page":[2],"paragraph":[1],"shown":[1],"sorts":[2],"table":[0],"text":[0],"title":[0,2],"untitled":[2],"value":[0],"words":[1]}};
